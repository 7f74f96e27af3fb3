/**
 * The bidirectional RNN unrolled over T steps, drawn as an svg: the forward graph (edges carry the
 * weights) or the gradient graph (edges run backwards and carry the factors of the recursions).
 * The figure is a chartFigure, so its data table (one row per edge) is the text equivalent.
 */
import { chartFigure } from "../chartFigure.js";
import { colors } from "../colors.js";
import { textColumn } from "../csv.js";
import { subscript, svgElement } from "../cellDiagram.js";
import { graphLayout, type PlacedEdge } from "./brnnGraphLayout.js";
import type { GraphEdge, UnrolledGraph } from "../../compute/rnn-gradients/unrolledGraph.js";

const partColor = { f: colors.blue, b: colors.red, out: colors.ink } as const;
const rowNames = {
  loss: "loss",
  output: "output",
  backward: "backward state",
  forward: "forward state",
  input: "input",
} as const;

function arrowHead(edge: PlacedEdge, color: string, parent: SVGElement): void {
  const d = { x: edge.end.x - edge.control.x, y: edge.end.y - edge.control.y };
  const k = Math.hypot(d.x, d.y) || 1;
  const [ux, uy] = [d.x / k, d.y / k];
  const size = 7;
  const tip = edge.end;
  const base = { x: tip.x - ux * size, y: tip.y - uy * size };
  const points = [
    [tip.x, tip.y],
    [base.x - uy * size * 0.55, base.y + ux * size * 0.55],
    [base.x + uy * size * 0.55, base.y - ux * size * 0.55],
  ].map((p) => p.map((v) => v.toFixed(1)).join(",")).join(" ");
  svgElement("polygon", { points, fill: color }, parent);
}

export function brnnGraphChart(
  graph: UnrolledGraph,
  { mode, width }: { mode: "forward" | "gradient"; width: number },
): HTMLElement {
  const edges = mode === "forward" ? graph.forward : graph.gradient;
  const layout = graphLayout(graph, edges, width, { reversed: mode === "gradient" });
  const svg = svgElement("svg", {
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    "font-family": "system-ui, sans-serif",
    "font-size": 13,
    class: "rnn-graph",
  });
  svg.style.maxWidth = "100%";
  svg.style.height = "auto";
  for (const placed of layout.edges) {
    const color = partColor[placed.edge.part];
    const { start, control, end } = placed;
    const path = placed.curved
      ? `M${start.x},${start.y} Q${control.x},${control.y} ${end.x},${end.y}`
      : `M${start.x},${start.y} L${end.x},${end.y}`;
    svgElement("path", {
      d: path,
      fill: "none",
      stroke: color,
      "stroke-width": 1.5,
      ...(mode === "gradient" ? { "stroke-dasharray": "5 3" } : {}),
    }, svg);
    arrowHead(placed, color, svg);
  }
  for (const placed of layout.edges) {
    // Loss edges are named in the table; on the drawing their label would crowd the top row.
    if (mode === "forward" && placed.edge.to.startsWith("loss")) continue;
    const text = svgElement("text", {
      x: placed.labelAt.x.toFixed(1),
      y: placed.labelAt.y.toFixed(1),
      "text-anchor": placed.anchor,
      "dominant-baseline": "central",
      "font-size": 11,
      fill: partColor[placed.edge.part],
      stroke: "var(--theme-background)",
      "stroke-width": 3,
      "paint-order": "stroke",
    }, svg);
    text.textContent = placed.edge.label;
  }
  for (const node of layout.nodes) {
    // The initial states h₀ᶠ and h_{T+1}ᵇ are given, not computed: drawn dashed.
    const initial = node.t === 0 || node.t === graph.steps + 1;
    svgElement("circle", {
      cx: node.x,
      cy: node.y,
      r: layout.radius,
      fill: "var(--theme-background)",
      stroke: node.row === "forward"
        ? colors.blue
        : node.row === "backward"
        ? colors.red
        : colors.ink,
      "stroke-width": 1.5,
      ...(initial ? { "stroke-dasharray": "3 2" } : {}),
    }, svg);
    const text = svgElement("text", {
      x: node.x,
      y: node.y,
      "text-anchor": "middle",
      "dominant-baseline": "central",
      fill: "currentColor",
    }, svg);
    text.textContent = node.label;
  }
  const label = (id: string) => graph.nodes.find((n) => n.id === id)!.label;
  const T = graph.steps;
  const description = mode === "forward"
    ? `The network unrolled over ${T} steps: ${graph.nodes.length} nodes (inputs, forward states from h₀ᶠ, backward states from h${
      subscript(T + 1)
    }ᵇ, outputs and losses) and ${edges.length} edges; each input xₜ feeds hₜᶠ through Wᶠ and hₜᵇ through Wᵇ, the forward chain runs left to right through Uᶠ, the backward chain right to left through Uᵇ, and yₜ adds Vᶠhₜᶠ and Vᵇhₜᵇ.`
    : `The gradient runs the graph backwards along ${edges.length} edges: ∇L reaches each hₜᶠ from yₜ (through Vᶠᵀ) and from hₜ₊₁ᶠ (through (Dₜ₊₁ᶠUᶠ)ᵀ), and each hₜᵇ from yₜ (through Vᵇᵀ) and from hₜ₋₁ᵇ (through (Dₜ₋₁ᵇUᵇ)ᵀ), so the forward chain's gradient flows right to left and the backward chain's left to right.`;
  return chartFigure({
    name: mode === "forward" ? "brnn-forward-graph" : "brnn-gradient-graph",
    title: mode === "forward"
      ? `The bidirectional RNN unrolled for ${T} steps`
      : `Its gradient, flowing back through the same graph`,
    description,
    chart: svg,
    columns: [
      textColumn(
        "from",
        (e: GraphEdge) =>
          `${label(e.from)} (${rowNames[graph.nodes.find((n) => n.id === e.from)!.row]})`,
      ),
      textColumn(
        "to",
        (e: GraphEdge) =>
          `${label(e.to)} (${rowNames[graph.nodes.find((n) => n.id === e.to)!.row]})`,
      ),
      textColumn(mode === "forward" ? "weight" : "factor", (e: GraphEdge) => e.label),
    ],
    rows: edges,
  });
}
