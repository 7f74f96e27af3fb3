/**
 * The filter sliding over the signal (cross-correlation, stride 1, no padding): the signal's cells,
 * the filter's taps under the window they are on, and the outputs, each under the middle of its
 * window. Pointing at an output moves the filter there and lights the cells and taps that made it;
 * pointing at a signal cell lights the outputs it feeds; pointing at a tap lights the cells it
 * multiplies. Buttons step the filter or play the slide.
 */
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { textColumn } from "../csv.js";
import {
  type DiagramCell,
  type DiagramLabel,
  drawDiagram,
  linkCells,
  readoutLine,
  signed,
  subscript,
} from "../cellDiagram.js";

export interface SlidingFilterData {
  signal: number[];
  /** The outputs the reader asked for. */
  output: number[];
  /** The taps to draw: the filter that fits (or one of many), or null when none does. */
  filter: number[] | null;
  /** True when `filter` is the only one that fits. */
  unique: boolean;
}

const STEP_MS = 1100;

function button(text: string, action: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.dataset.action = action;
  return b;
}

/** A negative factor in parentheses, so "2·(−1)" never reads as "2·−1". */
const wrap = (text: string) => (text.startsWith("−") ? `(${text})` : text);

export function slidingFilterChart(
  data: SlidingFilterData,
  { width }: { width: number },
): HTMLElement {
  const { signal, output, filter } = data;
  const n = signal.length;
  const m = output.length;
  const k = n - m + 1;
  const W = chartWidth(width, 640);
  const size = Math.min(72, Math.floor((W - 2) / n));
  const h = 40;
  const rowY = [24, 24 + h + 34, 24 + 2 * (h + 34)];
  const height = rowY[2] + h + 4;
  const left = Math.max(1, Math.floor((W - n * size) / 2));
  const x = (column: number) => left + column * size;
  const tapName = (t: number) => `h${subscript(t + 1)}`;
  const tapText = (t: number) => (filter ? signed(filter[t]) : tapName(t));
  const products = (j: number) =>
    Array.from({ length: k }, (_, t) => `${wrap(tapText(t))}·${wrap(signed(signal[j + t]))}`);
  const computed = filter
    ? output.map((_, j) => filter.reduce((s, v, t) => s + v * signal[j + t], 0))
    : null;

  // One row of cells: texts[i] drawn at column start + i, on row `row`.
  const cellRow = (role: string, texts: string[], start: number, row: number, color: string) =>
    texts.map((text, i): DiagramCell => ({
      key: `${role}:${i}`,
      x: x(start + i) + 2,
      y: rowY[row],
      width: size - 4,
      height: h,
      lines: [text],
      color,
    }));
  const cells: DiagramCell[] = [
    ...cellRow("in", signal.map(signed), 0, 0, colors.blue),
    ...cellRow("tap", Array.from({ length: k }, (_, t) => tapText(t)), 0, 1, colors.purple),
    // Each output sits under the middle of its window.
    ...cellRow("out", output.map(signed), (k - 1) / 2, 2, colors.green),
  ];
  const labels: DiagramLabel[] = [
    { x: left, y: rowY[0] - 8, text: `signal x (${n} cells)`, bold: true },
    {
      x: left,
      y: rowY[1] - 8,
      text: filter
        ? `filter h (${k} taps${data.unique ? "" : ", one of many"})`
        : `filter h: ${k} unknown taps`,
      bold: true,
    },
    { x: left, y: rowY[2] - 8, text: `output y (${m} cells)`, bold: true },
  ];
  const diagram = drawDiagram({ width: W, height, cells, labels });
  const readout = readoutLine();

  // The filter's taps move as a group to the window being shown.
  const reduceMotion = globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
  const taps = Array.from(
    { length: k },
    (_, t) => diagram.svg.querySelector<SVGGElement>(`[data-key="tap:${t}"]`)!,
  );
  let shown = -1;
  const moveFilter = (j: number) => {
    if (j === shown) return;
    shown = j;
    taps.forEach((g, t) => {
      if (!reduceMotion) g.style.transition = "transform 350ms ease";
      g.style.transform = `translate(${x(j + t) + 2}px, ${rowY[1]}px)`;
    });
  };

  let windowIndex = 0;
  const equation = (j: number) =>
    `y${subscript(j + 1)} = ${products(j).join(" + ")} = ${computed ? signed(computed[j]) : "?"}${
      computed ? "" : ` (asked: ${signed(output[j])})`
    }`;
  const windowKeys = (j: number) => [
    `out:${j}`,
    ...Array.from({ length: k }, (_, t) => `in:${j + t}`),
    ...Array.from({ length: k }, (_, t) => `tap:${t}`),
  ];
  const outputsOf = (i: number) =>
    Array.from({ length: m }, (_, j) => j).filter((j) => j <= i && i < j + k);

  const links = linkCells(diagram, readout, {
    links(key) {
      const [role, index] = [key.split(":")[0], Number(key.split(":")[1])];
      if (role === "out") {
        moveFilter(index);
        return windowKeys(index);
      }
      if (role === "in") return outputsOf(index).map((j) => `out:${j}`);
      return Array.from({ length: m }, (_, j) => [`in:${j + index}`, `out:${j}`]).flat();
    },
    describe(key) {
      const [role, index] = [key.split(":")[0], Number(key.split(":")[1])];
      if (role === "out") return `Window ${index + 1}: ${equation(index)}`;
      if (role === "in") {
        const uses = outputsOf(index).map((j) => `${tapName(index - j)} for y${subscript(j + 1)}`);
        return `x${subscript(index + 1)} = ${signed(signal[index])} is multiplied by ${
          uses.join(", ")
        }.`;
      }
      const pairs = Array.from(
        { length: m },
        (_, j) => `x${subscript(j + index + 1)} for y${subscript(j + 1)}`,
      );
      return `${tapName(index)}${filter ? ` = ${signed(filter[index])}` : ""} multiplies ${
        pairs.join(", ")
      }.`;
    },
    rest() {
      moveFilter(windowIndex);
      return {
        keys: windowKeys(windowIndex),
        text: `Window ${windowIndex + 1} of ${m}: ${equation(windowIndex)}`,
      };
    },
  });

  const previous = button("◀ Previous window", "previous-window");
  const play = button("▶ Play the slide", "play");
  const next = button("Next window ▶", "next-window");
  const go = (j: number) => {
    windowIndex = (j + m) % m;
    links.showRest();
  };
  previous.addEventListener("click", () => go(windowIndex - 1));
  next.addEventListener("click", () => go(windowIndex + 1));
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    play.textContent = "▶ Play the slide";
  };
  play.addEventListener("click", () => {
    if (timer !== undefined) return stop();
    play.textContent = "❚❚ Pause";
    let steps = 0;
    go(0);
    timer = setInterval(() => {
      // Stops after two passes, or when a redraw has replaced the figure.
      if (!play.isConnected || ++steps >= 2 * m) return stop();
      go(windowIndex + 1);
    }, STEP_MS);
  });
  const buttons = document.createElement("div");
  buttons.className = "diagram-buttons";
  buttons.append(previous, play, next);

  const description = filter
    ? `The ${k}-tap filter (${
      filter.map(signed).join(", ")
    }) slides over the ${n}-cell signal; its ${m} positions give (${
      computed!.map(signed).join(", ")
    })${
      data.unique
        ? ", the outputs asked for"
        : ", the outputs asked for, but so do infinitely many other filters"
    }.`
    : `No filter fits these outputs: the ${k} taps are drawn as unknowns over the ${m} windows of the ${n}-cell signal.`;
  const figure = chartFigure<number>({
    name: "sliding-filter",
    title: "The filter sliding over the signal",
    description,
    chart: diagram.svg,
    columns: [
      textColumn("output", (j: number) => `y${j + 1}`),
      textColumn("window of the signal", (j) => signal.slice(j, j + k).map(signed).join(", ")),
      textColumn("filter", () => (filter ? filter.map(signed).join(", ") : "none fits")),
      textColumn("products", (j) => products(j).join(" + ")),
      textColumn("sum", (j) => (computed ? signed(computed[j]) : "")),
      textColumn("asked", (j) => signed(output[j])),
    ],
    rows: output.map((_, j) => j),
  });
  figure.querySelector("details")!.before(readout, buttons);
  return figure;
}
