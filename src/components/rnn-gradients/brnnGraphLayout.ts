/**
 * Where the unrolled bidirectional RNN's nodes and edges go on screen (pure geometry, no DOM):
 * time runs across on a wide screen and down on a narrow one. An edge that would pass through
 * another node (xₜ → hₜᵇ passes hₜᶠ, hₜᶠ → yₜ passes hₜᵇ) bends around it as a quadratic curve.
 */
import {
  type GraphEdge,
  type NodeRow,
  ROWS,
  type UnrolledGraph,
} from "../../compute/rnn-gradients/unrolledGraph.js";

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode extends Point {
  id: string;
  label: string;
  row: NodeRow;
  t: number;
}

export interface PlacedEdge {
  edge: GraphEdge;
  /** Start and end on the node circles, and the control point (the midpoint for a straight edge). */
  start: Point;
  control: Point;
  end: Point;
  /** Where the label sits, and which of its ends (or its middle) sits there. */
  labelAt: Point;
  anchor: "start" | "middle" | "end";
  curved: boolean;
}

export interface GraphLayout {
  width: number;
  height: number;
  radius: number;
  vertical: boolean;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** Below this width (in px of the page) time runs down the screen. */
export const VERTICAL_BELOW = 560;

const sub = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });
const add = (a: Point, b: Point): Point => ({ x: a.x + b.x, y: a.y + b.y });
const scale = (a: Point, k: number): Point => ({ x: a.x * k, y: a.y * k });
const length = (a: Point) => Math.hypot(a.x, a.y);
const unit = (a: Point) => scale(a, 1 / length(a));

/** Distance from p to the segment ab. */
function distanceToSegment(p: Point, a: Point, b: Point): number {
  const ab = sub(b, a);
  const k = Math.max(
    0,
    Math.min(1, ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / (ab.x ** 2 + ab.y ** 2)),
  );
  return length(sub(p, add(a, scale(ab, k))));
}

/**
 * `reversed` is for the gradient graph, whose edges run against the forward ones: its bent edges
 * bend to the other side of their own direction, so that they cross the chains next to the node
 * an edge leaves, away from the chain labels.
 */
export function graphLayout(
  graph: UnrolledGraph,
  edges: readonly GraphEdge[],
  pageWidth: number,
  { reversed = false }: { reversed?: boolean } = {},
): GraphLayout {
  const vertical = pageWidth < VERTICAL_BELOW;
  const radius = 21;
  const [along, across, margin] = vertical ? [116, 74, 36] : [140, 76, 40];
  const columns = graph.steps + 2;
  // On a narrow screen the rows read left to right from the input to the loss.
  const order = vertical ? [...ROWS].reverse() : ROWS;
  const width = vertical
    ? 2 * margin + (order.length - 1) * across
    : 2 * margin + (columns - 1) * along;
  const height = vertical
    ? 2 * margin + (columns - 1) * along
    : 2 * margin + (order.length - 1) * across;
  const nodes: PlacedNode[] = graph.nodes.map((node) => {
    const r = order.indexOf(node.row);
    const [x, y] = vertical
      ? [margin + r * across, margin + node.t * along]
      : [margin + node.t * along, margin + r * across];
    return { id: node.id, label: node.label, row: node.row, t: node.t, x, y };
  });
  const at = new Map(nodes.map((n) => [n.id, n]));
  const placed = edges.map((edge): PlacedEdge => {
    const a = at.get(edge.from)!, b = at.get(edge.to)!;
    const blocked = nodes.some((n) =>
      n !== a && n !== b && distanceToSegment(n, a, b) < radius + 8
    );
    const mid = scale(add(a, b), 0.5);
    const direction = unit(sub(b, a));
    // A quarter turn to the left of the edge's direction. The two bent edges of a column bend to
    // opposite sides (xₜ → hₜᵇ one way, hₜᶠ → yₜ the other), so they never cross.
    const normal = { x: direction.y, y: -direction.x };
    const side = (edge.part === "b" ? -1 : 1) * (reversed ? -1 : 1);
    // A quadratic curve reaches half way to its control point: clear the node by 12 px.
    const control = blocked ? add(mid, scale(normal, side * 2 * (radius + 12))) : mid;
    const start = add(a, scale(unit(sub(control, a)), radius));
    const end = add(b, scale(unit(sub(control, b)), radius + 1));
    // A bent edge's middle runs alongside a chain of states, so its label goes near the end that
    // is not a state of either chain (the input or the output), where nothing else is drawn.
    // A chain edge's label sits a little before its middle, clear of the bent edges that cross
    // the chain next to the node it enters.
    const chain = (row: NodeRow) => row === "forward" || row === "backward";
    const k = !blocked ? (a.row === b.row ? 0.42 : 0.5) : chain(a.row) ? 0.75 : 0.25;
    const onCurve = add(
      add(scale(start, (1 - k) ** 2), scale(control, 2 * k * (1 - k))),
      scale(end, k ** 2),
    );
    const labelSide = blocked ? side : edge.part === "out" ? -1 : 1;
    // A long label on a short edge between neighbouring columns of a narrow layout would cover
    // the two nodes: it moves clear of them, into the free band below the edge.
    const wide = vertical && !blocked && a.row !== b.row && edge.label.length > 6;
    const offset = scale(normal, labelSide * (wide ? radius + 10 : 12));
    const labelAt = add(onCurve, offset);
    // Beside a vertical edge a long label grows away from it.
    const anchor = Math.abs(offset.x) < 6 ? "middle" : offset.x > 0 ? "start" : "end";
    return { edge, start, control, end, labelAt, anchor, curved: blocked };
  });
  return { width, height, radius, vertical, nodes, edges: placed };
}
