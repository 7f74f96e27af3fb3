/**
 * Training-time batch norm's computational graph: X, γ, β → μ, σ², Z → Y, each edge drawn forward
 * (ink) with the gradient that flows back along it (red, dashed) and its name. Pointing at an edge
 * writes its current value in the readout; the data table lists every edge with its formula and
 * value, the text equivalent of the drawing.
 */
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { textColumn } from "../csv.js";
import { readoutLine, svgElement } from "../cellDiagram.js";
import type { BatchNormBackwardPass } from "../../compute/normalisation/batchNormBackward.js";
import { GRAPH_EDGES, type GraphNode } from "../../compute/normalisation/batchNormGraph.js";

const NODE_NAMES: Record<GraphNode, string> = {
  X: "X",
  gamma: "γ",
  beta: "β",
  mean: "μ",
  variance: "σ²",
  Z: "Z",
  Y: "Y",
};

/** For each edge: what the forward pass computes, and what flows back (name and formula). */
const EDGE_TEXT: Record<string, { forward: string; name: string; formula: string }> = {
  "X→mean": { forward: "μⱼ = (1/n)Σᵢ Xᵢⱼ", name: "(b)", formula: "(b) = (1/n)·∂L/∂μⱼ" },
  "X→variance": {
    forward: "σⱼ² = (1/n)Σᵢ (Xᵢⱼ − μⱼ)²",
    name: "(c)",
    formula: "(c) = (2/n)(Xᵢⱼ − μⱼ)·∂L/∂σⱼ²",
  },
  "X→Z": {
    forward: "Zᵢⱼ = (Xᵢⱼ − μⱼ)/√(σⱼ² + ε)",
    name: "(a)",
    formula: "(a) = ∂L/∂Zᵢⱼ / √(σⱼ² + ε)",
  },
  "mean→Z": {
    forward: "μ is subtracted",
    name: "∂L/∂μ",
    formula: "∂L/∂μⱼ = −Σᵢ ∂L/∂Zᵢⱼ / √(σⱼ² + ε)",
  },
  "variance→Z": {
    forward: "√(σ² + ε) divides",
    name: "∂L/∂σ²",
    formula: "∂L/∂σⱼ² = −½(σⱼ² + ε)^(−3/2) Σᵢ ∂L/∂Zᵢⱼ (Xᵢⱼ − μⱼ)",
  },
  "Z→Y": { forward: "Yᵢⱼ = γⱼZᵢⱼ + βⱼ", name: "∂L/∂Z", formula: "∂L/∂Zᵢⱼ = γⱼ·dYᵢⱼ" },
  "gamma→Y": { forward: "γ scales Z", name: "∂L/∂γ", formula: "∂L/∂γⱼ = Σᵢ dYᵢⱼ Zᵢⱼ" },
  "beta→Y": { forward: "β shifts", name: "∂L/∂β", formula: "∂L/∂βⱼ = Σᵢ dYᵢⱼ" },
};

/** Three significant digits with a true minus; "–" for what is not a number (an undefined value). */
const short = (v: number | string) =>
  typeof v === "number" && Number.isFinite(v)
    ? String(Number(v.toPrecision(3))).replace("-", "−")
    : "–";
/** A vector as (a, b, c), a matrix as its rows separated by semicolons. */
export function valueText(value: (number | string)[] | (number | string)[][]): string {
  return Array.isArray(value[0])
    ? (value as number[][]).map((row) => row.map(short).join(", ")).join("; ")
    : `(${(value as number[]).map(short).join(", ")})`;
}

type Point = [number, number];

/** Node places as (fraction of the width, y in pixels): side by side when wide, stacked on a phone. */
const LAYOUTS: { minWidth: number; height: number; at: Record<GraphNode, Point> }[] = [
  {
    minWidth: 520,
    height: 300,
    at: {
      X: [0.08, 150],
      mean: [0.33, 62],
      variance: [0.33, 238],
      Z: [0.58, 150],
      gamma: [0.76, 40],
      beta: [0.76, 260],
      Y: [0.92, 150],
    },
  },
  {
    minWidth: 0,
    height: 470,
    at: {
      X: [0.5, 32],
      mean: [0.2, 130],
      variance: [0.8, 130],
      Z: [0.5, 230],
      gamma: [0.16, 330],
      beta: [0.84, 330],
      Y: [0.5, 430],
    },
  },
];

function layout(width: number): { height: number; at: Record<GraphNode, Point> } {
  const chosen = LAYOUTS.find((l) => width >= l.minWidth)!;
  const at = Object.fromEntries(
    Object.entries(chosen.at).map(([node, [f, y]]) => [node, [Math.round(f * width), y]]),
  ) as Record<GraphNode, Point>;
  return { height: chosen.height, at };
}

/** "X feeds μ, σ² and Z; …", read off the graph's edges. */
function graphSentence(): string {
  const list = (names: string[]) =>
    names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
  const sources = [...new Set(GRAPH_EDGES.map((e) => e.from))];
  return sources.map((from) => {
    const targets = GRAPH_EDGES.filter((e) => e.from === from).map((e) => NODE_NAMES[e.to]);
    return `${NODE_NAMES[from]} feeds ${list(targets)}`;
  }).join("; ");
}

let markerCount = 0;
const RADIUS = 21;

interface EdgeRow {
  edge: string;
  forward: string;
  formula: string;
  value: string;
}

export function batchNormGraphChart(
  pass: BatchNormBackwardPass,
  { width }: { width: number },
): HTMLElement {
  const W = chartWidth(width, 640);
  const { height, at } = layout(W);
  const svg = svgElement("svg", {
    width: W,
    height,
    viewBox: `0 0 ${W} ${height}`,
    "font-family": "system-ui, sans-serif",
    "font-size": 13,
  });
  svg.style.maxWidth = "100%";
  svg.style.height = "auto";
  const id = `bn-graph-${++markerCount}`;
  const defs = svgElement("defs", {}, svg);
  for (const [name, fill] of [["fwd", "currentColor"], ["back", colors.red]]) {
    const marker = svgElement("marker", {
      id: `${id}-${name}`,
      viewBox: "0 0 10 10",
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: "auto-start-reverse",
    }, defs);
    svgElement("path", { d: "M0,0 L10,5 L0,10 z", fill }, marker);
  }
  const readout = readoutLine();
  const rows: EdgeRow[] = [];
  const edgesGroup = svgElement("g", {}, svg);
  for (const edge of GRAPH_EDGES) {
    const key = `${edge.from}→${edge.to}`;
    const text = EDGE_TEXT[key];
    const [x1, y1] = at[edge.from];
    const [x2, y2] = at[edge.to];
    const length = Math.hypot(x2 - x1, y2 - y1);
    const [ux, uy] = [(x2 - x1) / length, (y2 - y1) / length];
    // The normal on the left of the forward direction; the backward arrow runs beside it.
    const [nx, ny] = [uy, -ux];
    const start: Point = [x1 + ux * RADIUS, y1 + uy * RADIUS];
    const end: Point = [x2 - ux * (RADIUS + 2), y2 - uy * (RADIUS + 2)];
    const g = svgElement("g", { "data-edge": key }, edgesGroup);
    const hit = svgElement("line", {
      x1: start[0],
      y1: start[1],
      x2: end[0],
      y2: end[1],
      stroke: "transparent",
      "stroke-width": 18,
    }, g);
    hit.style.pointerEvents = "stroke";
    svgElement("line", {
      x1: start[0],
      y1: start[1],
      x2: end[0],
      y2: end[1],
      stroke: "currentColor",
      "stroke-width": 1.5,
      "marker-end": `url(#${id}-fwd)`,
    }, g);
    const off = 7;
    svgElement("line", {
      x1: end[0] + nx * off - ux * 4,
      y1: end[1] + ny * off - uy * 4,
      x2: start[0] + nx * off + ux * 4,
      y2: start[1] + ny * off + uy * 4,
      stroke: colors.red,
      "stroke-width": 1.5,
      "stroke-dasharray": "5,3",
      "marker-end": `url(#${id}-back)`,
    }, g);
    const label = svgElement("text", {
      x: (start[0] + end[0]) / 2 + nx * 20,
      y: (start[1] + end[1]) / 2 + ny * 20,
      "text-anchor": "middle",
      "dominant-baseline": "central",
      fill: colors.red,
    }, g);
    label.textContent = text.name;
    const value = valueText(pass[edge.back] as number[] | number[][]);
    rows.push({
      edge: `${NODE_NAMES[edge.from]} → ${NODE_NAMES[edge.to]}`,
      forward: text.forward,
      formula: text.formula,
      value,
    });
    g.addEventListener("pointerover", () => {
      readout.textContent = `Back along ${NODE_NAMES[edge.from]} → ${
        NODE_NAMES[edge.to]
      }: ${text.formula} = ${value}`;
    });
  }
  for (const [node, [x, y]] of Object.entries(at) as [GraphNode, Point][]) {
    const input = node === "X" || node === "gamma" || node === "beta";
    svgElement("circle", {
      cx: x,
      cy: y,
      r: RADIUS,
      fill: "var(--theme-background)",
      stroke: input ? colors.blue : "currentColor",
      "stroke-width": input ? 2.5 : 1.5,
    }, svg);
    const t = svgElement("text", {
      x,
      y,
      "text-anchor": "middle",
      "dominant-baseline": "central",
      fill: "currentColor",
      "font-size": 16,
    }, svg);
    t.textContent = NODE_NAMES[node];
  }
  const resting = `∂L/∂X = (a) + (b) + (c) = ${
    valueText(pass.dX)
  }. Point at an edge for its value.`;
  readout.textContent = resting;
  svg.addEventListener("pointerleave", () => (readout.textContent = resting));
  rows.push({
    edge: "into X",
    forward: "",
    formula: "∂L/∂X = (a) + (b) + (c)",
    value: valueText(pass.dX),
  });
  const figure = chartFigure<EdgeRow>({
    name: "bn-graph",
    title: "Batch norm at training time: forward edges and the gradients flowing back",
    description:
      `${graphSentence()} (blue rings are the inputs). Along each of the ${GRAPH_EDGES.length} edges the dashed red arrow carries a gradient back; the ${
        GRAPH_EDGES.filter((e) => e.from === "X").length
      } that reach X add up to ∂L/∂X.`,
    chart: svg,
    columns: [
      textColumn("edge", (d) => d.edge),
      textColumn("forward", (d) => d.forward),
      textColumn("flows back", (d) => d.formula),
      textColumn("value for this batch", (d) => d.value),
    ],
    rows,
  });
  figure.querySelector("details")!.before(readout);
  return figure;
}
