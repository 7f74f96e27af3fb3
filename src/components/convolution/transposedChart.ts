/**
 * Transposed convolution as scatter-add, in 1-D (symbols, the seed's [a, b, c] with [x, y, z])
 * and in 2-D (numbers). Every input cell stamps a scaled copy of the filter onto the output at
 * offset stride × position; overlaps add; padding crops cells from each edge (drawn dashed).
 * The input and the output are labelled in capitals and linked on hover both ways.
 */
import { type DiagramCell, type DiagramLabel, drawDiagram } from "../cellDiagram.js";
import { linkCells, readoutLine, signed } from "../cellDiagram.js";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { textColumn } from "../csv.js";
import {
  transposedConv2d,
  transposedLayout1d,
  transposedStamps2d,
} from "../../compute/convolution/transposed.js";

export const INPUT_LETTERS = "abcd";
export const FILTER_LETTERS = "xyz";

const LABEL = 16;

const keyParts = (key: string) => key.split(":");

function withReadout(figure: HTMLElement, readout: HTMLElement): HTMLElement {
  figure.querySelector("details")!.before(readout);
  return figure;
}

export interface Transposed1dData {
  n: number;
  k: number;
  stride: number;
  padding: number;
}

/** 1-D scatter-add with symbols: rows for the filter, the input, one stamp per input, the output. */
export function transposed1dChart(
  data: Transposed1dData,
  { width }: { width: number },
): HTMLElement {
  const layout = transposedLayout1d(data.n, data.k, data);
  const { n, k, stride, padding } = data;
  const full = layout.fullLength;
  const W = chartWidth(width, 720);
  const size = Math.min(60, Math.floor((W - 2) / Math.max(full, 4)));
  const left = Math.max(1, Math.floor((W - full * size) / 2));
  const x = (column: number) => left + column * size + 1;
  const a = (i: number) => INPUT_LETTERS[i];
  const f = (t: number) => FILTER_LETTERS[t];
  const h = 30;
  const termsAt = (q: number) => layout.contributions.filter((c) => c.full === q);
  const maxTerms = Math.max(...Array.from({ length: full }, (_, q) => termsAt(q).length));
  const outH = Math.max(h, 14 * maxTerms + 8);
  const outName = (
    q: number,
  ) => (q - padding >= 0 && q - padding < layout.outputLength
    ? `output cell ${q - padding + 1}`
    : "a cropped cell");

  const cells: DiagramCell[] = [];
  const labels: DiagramLabel[] = [];
  let y = LABEL;
  labels.push({ x: left, y: y - 4, text: `filter (${k} tap${k > 1 ? "s" : ""})` });
  for (let t = 0; t < k; t++) {
    cells.push({
      key: `tap:${t}`,
      x: x(t),
      y,
      width: size - 2,
      height: h,
      lines: [f(t)],
      color: colors.purple,
    });
  }
  y += h + LABEL + 6;
  labels.push({
    x: left,
    y: y - 4,
    text: `INPUT (${n} cell${n > 1 ? "s" : ""}), cell i at offset ${stride}·i`,
    bold: true,
  });
  for (let i = 0; i < n; i++) {
    cells.push({
      key: `in:${i}`,
      x: x(i * stride),
      y,
      width: size - 2,
      height: h,
      lines: [a(i)],
      color: colors.blue,
    });
  }
  y += h + 6;
  for (let i = 0; i < n; i++) {
    y += LABEL;
    labels.push({
      x: left,
      y: y - 4,
      text: `stamp of ${a(i)}: ${a(i)}·filter at offset ${i * stride}`,
    });
    for (let t = 0; t < k; t++) {
      const c = layout.contributions.find((c) => c.input === i && c.tap === t)!;
      cells.push({
        key: `st:${i}:${t}`,
        x: x(c.full),
        y,
        width: size - 2,
        height: h,
        lines: [a(i) + f(t)],
        color: colors.orange,
        faint: c.output < 0,
      });
    }
    y += h;
  }
  y += LABEL + 10;
  labels.push({
    x: left,
    y: y - 4,
    text: `OUTPUT (${layout.outputLength} cell${layout.outputLength > 1 ? "s" : ""}${
      padding ? `, ${padding} cropped at each end` : ""
    })`,
    bold: true,
  });
  for (let q = 0; q < full; q++) {
    const terms = termsAt(q).map((c) => a(c.input) + f(c.tap));
    cells.push({
      key: `out:${q}`,
      x: x(q),
      y,
      width: size - 2,
      height: outH,
      lines: terms.length ? terms : ["0"],
      color: colors.green,
      faint: q < padding || q >= padding + layout.outputLength,
    });
  }
  const height = y + outH + 4;
  const diagram = drawDiagram({ width: W, height, cells, labels });
  const readout = readoutLine();
  const sum = (q: number) => termsAt(q).map((c) => a(c.input) + f(c.tap)).join(" + ") || "0";

  linkCells(diagram, readout, {
    links(key) {
      const [role, p1, p2] = keyParts(key).map((v, i) => (i ? Number(v) : v)) as [
        string,
        number,
        number,
      ];
      const hits = layout.contributions.filter((c) =>
        role === "in"
          ? c.input === p1
          : role === "tap"
          ? c.tap === p1
          : role === "st"
          ? c.input === p1 && c.tap === p2
          : c.full === p1
      );
      return hits.flatMap((
        c,
      ) => [`in:${c.input}`, `tap:${c.tap}`, `st:${c.input}:${c.tap}`, `out:${c.full}`]);
    },
    describe(key) {
      const [role, p1, p2] = keyParts(key).map((v, i) => (i ? Number(v) : v)) as [
        string,
        number,
        number,
      ];
      if (role === "in") {
        const targets = layout.contributions.filter((c) => c.input === p1 && c.output >= 0).map((
          c,
        ) => c.output + 1);
        return `Input ${a(p1)} stamps ${a(p1)}·(${
          FILTER_LETTERS.slice(0, k).split("").join(", ")
        }) starting at full position ${p1 * stride + 1}; it reaches output cell${
          targets.length === 1 ? "" : "s"
        } ${targets.join(", ") || "none (all cropped)"}.`;
      }
      if (role === "tap") {
        return `Tap ${f(p1)} appears in every stamp: ${
          Array.from({ length: n }, (_, i) => a(i) + f(p1)).join(", ")
        }.`;
      }
      if (role === "st") {
        const c = layout.contributions.find((c) => c.input === p1 && c.tap === p2)!;
        return `${a(p1)}${f(p2)} (input ${a(p1)} times tap ${f(p2)}) lands on ${outName(c.full)}.`;
      }
      return `${outName(p1)[0].toUpperCase()}${outName(p1).slice(1)} = ${sum(p1)}${
        termsAt(p1).length > 1 ? ": stamps overlap here and add" : ""
      }.`;
    },
    rest: () => ({
      keys: [],
      text: "Point at an input cell, a stamp or an output cell to see what it is linked to.",
    }),
  });

  const kept = Array.from({ length: layout.outputLength }, (_, i) => sum(i + padding));
  return withReadout(
    chartFigure<number>({
      name: "transposed-1d",
      title: `Transposed convolution in 1-D, stride ${stride}, padding ${padding}`,
      description: `Input (${INPUT_LETTERS.slice(0, n).split("").join(", ")}) with filter (${
        FILTER_LETTERS.slice(0, k).split("").join(", ")
      }) at stride ${stride}, padding ${padding} gives ${layout.outputLength} output cells: [${
        kept.join(", ")
      }].`,
      chart: diagram.svg,
      columns: [
        textColumn(
          "output cell",
          (
            q: number,
          ) => (q < padding || q >= padding + layout.outputLength
            ? `cropped (full ${q + 1})`
            : String(q - padding + 1)),
        ),
        textColumn("value", (q) => sum(q)),
      ],
      rows: Array.from({ length: full }, (_, q) => q),
    }),
    readout,
  );
}

export interface Transposed2dData {
  input: number[][];
  filter: number[][];
  stride: number;
  padding: number;
}

interface Block {
  title: string;
  rows: number;
  cols: number;
}

/** Places blocks of cells left to right, wrapping when the width runs out. */
function flow(blocks: Block[], size: number, width: number, gap = 18) {
  let x = 0;
  let y = LABEL;
  let rowHeight = 0;
  return blocks.map((block) => {
    const w = block.cols * size;
    const h = block.rows * size;
    if (x > 0 && x + w > width) {
      x = 0;
      y += rowHeight + LABEL + gap;
      rowHeight = 0;
    }
    const place = { x: x + 1, y };
    // Room for the block's title too (about 7 px a character at 12 px).
    x += Math.max(w, block.title.length * 7) + gap;
    rowHeight = Math.max(rowHeight, h);
    return { ...place, bottom: y + h };
  });
}

/** 2-D scatter-add with numbers: input, filter, output, then every input cell's stamp. */
export function transposed2dChart(
  data: Transposed2dData,
  { width }: { width: number },
): HTMLElement {
  const { input, filter, stride, padding } = data;
  const output = transposedConv2d(input, filter, data);
  const stamps = transposedStamps2d(input, filter, data);
  const [n1, n2] = [input.length, input[0].length];
  const [k1, k2] = [filter.length, filter[0].length];
  const [F1, F2] = [(n1 - 1) * stride + k1, (n2 - 1) * stride + k2];
  const [N1, N2] = [output.length, output[0].length];
  const W = chartWidth(width, 720);
  const size = Math.max(22, Math.min(40, Math.floor((W - 2 * 18) / (n2 + k2 + F2))));
  const stampSize = Math.max(18, Math.min(size, Math.floor((W - 18) / (2 * F2))));
  const blocks: Block[] = [
    { title: `INPUT ${n1} × ${n2}`, rows: n1, cols: n2 },
    { title: `filter ${k1} × ${k2}`, rows: k1, cols: k2 },
    { title: `OUTPUT ${N1} × ${N2}`, rows: N1, cols: N2 },
  ];
  const top = flow(blocks, size, W);
  const topBottom = Math.max(...top.map((p) => p.bottom));
  const stampBlocks = stamps.map((s) => ({
    title: `${signed(s.value)} × filter`,
    rows: F1,
    cols: F2,
  }));
  const placed = flow(stampBlocks, stampSize, W).map((p) => ({
    ...p,
    y: p.y + topBottom + LABEL + 8,
    bottom: p.bottom + topBottom + LABEL + 8,
  }));

  const cells: DiagramCell[] = [];
  const labels: DiagramLabel[] = [];
  const grid = (
    place: { x: number; y: number },
    rows: number,
    cols: number,
    cell: number,
    each: (r: number, c: number) => Omit<DiagramCell, "x" | "y" | "width" | "height">,
  ) => {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        cells.push({
          ...each(r, c),
          x: place.x + c * cell,
          y: place.y + r * cell,
          width: cell - 2,
          height: cell - 2,
        });
      }
    }
  };
  blocks.forEach((b, i) =>
    labels.push({ x: top[i].x, y: top[i].y - 5, text: b.title, bold: i !== 1 })
  );
  grid(
    top[0],
    n1,
    n2,
    size,
    (r, c) => ({ key: `in:${r}:${c}`, lines: [signed(input[r][c])], color: colors.blue }),
  );
  grid(
    top[1],
    k1,
    k2,
    size,
    (r, c) => ({ key: `f:${r}:${c}`, lines: [signed(filter[r][c])], color: colors.purple }),
  );
  grid(
    top[2],
    N1,
    N2,
    size,
    (r, c) => ({ key: `out:${r}:${c}`, lines: [signed(output[r][c])], color: colors.green }),
  );
  labels.push({
    x: 1,
    y: placed[0].y - LABEL - 6,
    text: `stamps on the full ${F1} × ${F2} grid${
      padding ? "; dashed cells are cropped by the padding" : ""
    }`,
  });
  stamps.forEach((s, i) => {
    labels.push({ x: placed[i].x, y: placed[i].y - 5, text: stampBlocks[i].title });
    grid(placed[i], F1, F2, stampSize, (R, C) => {
      const u = R - s.row * stride;
      const v = C - s.col * stride;
      const inside = u >= 0 && u < k1 && v >= 0 && v < k2;
      const cropped = R < padding || R >= padding + N1 || C < padding || C >= padding + N2;
      return inside
        ? {
          key: `st:${i}:${u}:${v}`,
          lines: [signed(s.products[u][v])],
          color: colors.orange,
          faint: cropped,
        }
        : { key: `blank:${i}:${R}:${C}`, lines: [], color: colors.muted, empty: true };
    });
  });
  const height = Math.max(...placed.map((p) => p.bottom)) + 4;
  const diagram = drawDiagram({ width: W, height, cells, labels });
  const readout = readoutLine();

  // Every product: stamp i (input cell a, b) times tap (u, v) lands on output (R − p, C − p).
  const products = stamps.flatMap((s, i) =>
    filter.flatMap((row, u) =>
      row.map((hv, v) => ({
        i,
        a: s.row,
        b: s.col,
        u,
        v,
        value: s.value * hv,
        r: s.row * stride + u - padding,
        c: s.col * stride + v - padding,
      }))
    )
  );
  const inOutput = (p: { r: number; c: number }) => p.r >= 0 && p.r < N1 && p.c >= 0 && p.c < N2;
  const keysOf = (p: (typeof products)[number]) => [
    `in:${p.a}:${p.b}`,
    `f:${p.u}:${p.v}`,
    `st:${p.i}:${p.u}:${p.v}`,
    ...(inOutput(p) ? [`out:${p.r}:${p.c}`] : []),
  ];
  const matching = (key: string) => {
    const [role, ...rest] = keyParts(key);
    const [p1, p2, p3] = rest.map(Number);
    return products.filter((p) =>
      role === "in"
        ? p.a === p1 && p.b === p2
        : role === "f"
        ? p.u === p1 && p.v === p2
        : role === "st"
        ? p.i === p1 && p.u === p2 && p.v === p3
        : role === "out"
        ? p.r === p1 && p.c === p2
        : false
    );
  };
  const position = (r: number, c: number) => `(${r + 1}, ${c + 1})`;
  const sumText = (r: number, c: number) => {
    const terms = products.filter((p) => p.r === r && p.c === c);
    return `${terms.map((p) => signed(p.value)).join(" + ").replaceAll("+ −", "− ") || "0"} = ${
      signed(output[r][c])
    }`;
  };
  linkCells(diagram, readout, {
    links: (key) => matching(key).flatMap(keysOf),
    describe(key) {
      const [role, ...rest] = keyParts(key);
      const [p1, p2] = rest.map(Number);
      if (role === "in") {
        const reached = matching(key).filter(inOutput).map((p) => position(p.r, p.c));
        return `Input cell ${position(p1, p2)} = ${signed(input[p1][p2])} stamps ${
          signed(input[p1][p2])
        } × filter with its corner at row ${p1 * stride - padding + 1}, column ${
          p2 * stride - padding + 1
        }; it reaches output cells ${reached.join(", ") || "none (all cropped)"}.`;
      }
      if (role === "out") return `Output cell ${position(p1, p2)} = ${sumText(p1, p2)}.`;
      if (role === "f") {
        return `Filter tap ${position(p1, p2)} = ${signed(filter[p1][p2])} appears in every stamp.`;
      }
      if (role === "st") {
        const p = matching(key)[0];
        return `${signed(p.value)} = ${signed(input[p.a][p.b])} × ${
          signed(filter[p.u][p.v])
        } lands on ${inOutput(p) ? `output cell ${position(p.r, p.c)}` : "a cropped cell"}.`;
      }
      return "This part of the stamp is empty: nothing lands here from this input cell.";
    },
    rest: () => ({
      keys: [],
      text: "Point at an input cell, a stamp or an output cell to see what it is linked to.",
    }),
  });

  const cellsOut = output.flatMap((row, r) => row.map((_, c) => ({ r, c })));
  return withReadout(
    chartFigure<{ r: number; c: number }>({
      name: "transposed-2d",
      title: `Transposed convolution in 2-D, stride ${stride}, padding ${padding}`,
      description:
        `The ${n1} × ${n2} input stamps ${stamps.length} scaled copies of the ${k1} × ${k2} filter at stride ${stride}; with padding ${padding} they add up to the ${N1} × ${N2} output [${
          output.map((row) => row.map(signed).join(", ")).join("; ")
        }].`,
      chart: diagram.svg,
      columns: [
        textColumn("output cell", (d: { r: number; c: number }) => position(d.r, d.c)),
        textColumn("sum of stamps", (d) => sumText(d.r, d.c)),
      ],
      rows: cellsOut,
    }),
    readout,
  );
}
