/**
 * Rows and grids of labelled cells drawn as one svg, with linked highlighting: pointing at a cell
 * lights the cells it is linked to (the input cells and filter taps that made an output, or the
 * outputs an input reaches) and dims the rest, and a readout line says in words what is lit.
 * The convolution page's diagrams are built from this; colours come from colors.ts.
 */
import { colors } from "./colors.js";

const SVG = "http://www.w3.org/2000/svg";

export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  parent?.append(element);
  return element;
}

export interface DiagramCell {
  /** Unique within the diagram, e.g. "in:2", "tap:0", "out:1", "stamp:1:2". */
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** One line each, centred in the cell. */
  lines: string[];
  /** The cell's series colour (tint and outline). */
  color: string;
  /** Drawn dashed and faint: a cell that exists but is not part of the result (cropped). */
  faint?: boolean;
  /** A place where nothing lands: a faint tint and no outline. */
  empty?: boolean;
}

export interface DiagramLabel {
  x: number;
  y: number;
  text: string;
  anchor?: "start" | "middle" | "end";
  bold?: boolean;
}

export interface Diagram {
  svg: SVGSVGElement;
  /** Lights `keys` and dims every other cell; an empty list restores the plain view. */
  light(keys: readonly string[]): void;
}

const FONT = 12;

/** Draws the cells and labels into an svg of the given size. */
export function drawDiagram(
  { width, height, cells, labels }: {
    width: number;
    height: number;
    cells: DiagramCell[];
    labels: DiagramLabel[];
  },
): Diagram {
  const svg = svgElement("svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    "font-family": "system-ui, sans-serif",
    "font-size": FONT,
    class: "cell-diagram",
  });
  svg.style.maxWidth = "100%";
  svg.style.height = "auto";
  svg.style.touchAction = "manipulation";
  for (const label of labels) {
    const text = svgElement("text", {
      x: label.x,
      y: label.y,
      "text-anchor": label.anchor ?? "start",
      fill: "currentColor",
      ...(label.bold ? { "font-weight": "bold" } : {}),
    }, svg);
    text.textContent = label.text;
  }
  const groups = new Map<string, SVGGElement>();
  for (const cell of cells) {
    const g = svgElement(
      "g",
      { "data-key": cell.key, transform: `translate(${cell.x},${cell.y})` },
      svg,
    );
    svgElement("rect", {
      width: cell.width,
      height: cell.height,
      rx: 3,
      fill: cell.color,
      "fill-opacity": cell.empty ? 0.06 : cell.faint ? 0.04 : 0.14,
      stroke: cell.empty ? "none" : cell.faint ? colors.muted : cell.color,
      "stroke-width": 1.5,
      ...(cell.faint ? { "stroke-dasharray": "3,3" } : {}),
    }, g);
    const lineHeight = FONT + 2;
    const top = cell.height / 2 - ((cell.lines.length - 1) * lineHeight) / 2;
    cell.lines.forEach((line, i) => {
      const text = svgElement("text", {
        x: cell.width / 2,
        y: top + i * lineHeight,
        "text-anchor": "middle",
        "dominant-baseline": "central",
        fill: "currentColor",
        ...(cell.faint ? { "fill-opacity": 0.6 } : {}),
      }, g);
      text.textContent = line;
    });
    groups.set(cell.key, g);
  }
  return {
    svg,
    light(keys) {
      const lit = new Set(keys);
      for (const [key, g] of groups) {
        const on = lit.has(key);
        const rect = g.firstElementChild as SVGRectElement;
        g.style.opacity = lit.size && !on ? "0.35" : "";
        rect.setAttribute("stroke-width", on ? "3" : "1.5");
        rect.style.fillOpacity = on ? "0.4" : "";
        if (on) g.dataset.lit = "";
        else delete g.dataset.lit;
      }
    },
  };
}

/**
 * Hover (or touch) links: pointing at a cell lights `links(key)` and writes `describe(key)` in
 * the readout; leaving the diagram goes back to `rest()`, the view's resting state.
 */
export function linkCells(
  diagram: Diagram,
  readout: HTMLElement,
  { links, describe, rest }: {
    links: (key: string) => string[];
    describe: (key: string) => string;
    rest: () => { keys: string[]; text: string };
  },
): { showRest(): void; show(key: string): void } {
  const show = (key: string) => {
    diagram.light([key, ...links(key)]);
    readout.textContent = describe(key);
  };
  const showRest = () => {
    const { keys, text } = rest();
    diagram.light(keys);
    readout.textContent = text;
  };
  diagram.svg.addEventListener("pointerover", (event) => {
    const g = (event.target as Element).closest?.("[data-key]");
    if (g) show(g.getAttribute("data-key")!);
  });
  diagram.svg.addEventListener("pointerleave", showRest);
  showRest();
  return { showRest, show };
}

/** A paragraph under a diagram that says what is lit; polite, so a change is read out once. */
export function readoutLine(): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = "diagram-readout";
  p.setAttribute("aria-live", "polite");
  return p;
}

/** −2 with a true minus sign, and 0 for −0; numbers as short as they can be without rounding away. */
export function signed(value: number): string {
  const v = Object.is(value, -0) ? 0 : value;
  const text = String(Number(v.toPrecision(6)));
  return text.replace("-", "−");
}

/** Subscript digits: 12 → "₁₂". */
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]);
}
