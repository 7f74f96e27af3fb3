/**
 * The bidirectional RNN unrolled over T steps as a graph, as data: its nodes (inputs xₜ, forward
 * states hₜᶠ with the initial h₀ᶠ, backward states hₜᵇ with the initial h_{T+1}ᵇ, outputs yₜ and
 * losses Lₜ) and two sets of edges. The forward edges carry the weights (xₜ → hₜᶠ by Wᶠ,
 * hₜ₋₁ᶠ → hₜᶠ by Uᶠ, …); the gradient edges run the other way and carry the factors of the course's
 * recursions (Lₜ → yₜ by −2(zₜ − yₜ), yₜ → hₜᶠ by Vᶠᵀ, hₜ₊₁ᶠ → hₜᶠ by (Dₜ₊₁ᶠUᶠ)ᵀ, …). Labels are
 * plain Unicode. No DOM: the drawing is src/components/rnn-gradients/brnnGraphChart.ts.
 */
import { integerAtLeast } from "../validate.js";

export type NodeRow = "loss" | "output" | "backward" | "forward" | "input";

export interface GraphNode {
  id: string;
  label: string;
  row: NodeRow;
  /** Column: the time step, with 0 for h₀ᶠ and T + 1 for h_{T+1}ᵇ. */
  t: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** The weight (forward) or the factor (gradient) the edge carries. */
  label: string;
  /** Which part of the network: "f" and "b" for the two chains, "out" for outputs and loss. */
  part: "f" | "b" | "out";
}

export interface UnrolledGraph {
  steps: number;
  nodes: GraphNode[];
  forward: GraphEdge[];
  gradient: GraphEdge[];
}

const SUB = "₀₁₂₃₄₅₆₇₈₉";
const sub = (n: number) => String(n).replace(/\d/g, (d) => SUB[Number(d)]);

export const nodeId = (row: NodeRow, t: number) => `${row}:${t}`;

/** The rows top to bottom, as the drawing stacks them. */
export const ROWS: readonly NodeRow[] = ["loss", "output", "backward", "forward", "input"];

export function unrolledBrnnGraph(steps: number): UnrolledGraph {
  integerAtLeast("steps T", steps, 1, 12);
  const T = steps;
  const nodes: GraphNode[] = [];
  const add = (row: NodeRow, t: number, label: string) =>
    nodes.push({ id: nodeId(row, t), label, row, t });
  add("forward", 0, `h${sub(0)}ᶠ`);
  for (let t = 1; t <= T; t++) {
    add("input", t, `x${sub(t)}`);
    add("forward", t, `h${sub(t)}ᶠ`);
    add("backward", t, `h${sub(t)}ᵇ`);
    add("output", t, `y${sub(t)}`);
    add("loss", t, `L${sub(t)}`);
  }
  add("backward", T + 1, `h${sub(T + 1)}ᵇ`);

  const forward: GraphEdge[] = [];
  const gradient: GraphEdge[] = [];
  const f = (row: NodeRow, t: number) => nodeId(row, t);
  for (let t = 1; t <= T; t++) {
    forward.push(
      { from: f("input", t), to: f("forward", t), label: "Wᶠ", part: "f" },
      { from: f("forward", t - 1), to: f("forward", t), label: "Uᶠ", part: "f" },
      { from: f("input", t), to: f("backward", t), label: "Wᵇ", part: "b" },
      { from: f("backward", t + 1), to: f("backward", t), label: "Uᵇ", part: "b" },
      { from: f("forward", t), to: f("output", t), label: "Vᶠ", part: "out" },
      { from: f("backward", t), to: f("output", t), label: "Vᵇ", part: "out" },
      { from: f("output", t), to: f("loss", t), label: `‖z${sub(t)} − y${sub(t)}‖²`, part: "out" },
    );
    gradient.push(
      { from: f("loss", t), to: f("output", t), label: `−2(z${sub(t)} − y${sub(t)})`, part: "out" },
      { from: f("output", t), to: f("forward", t), label: "Vᶠᵀ", part: "f" },
      { from: f("output", t), to: f("backward", t), label: "Vᵇᵀ", part: "b" },
      { from: f("forward", t), to: f("forward", t - 1), label: `(D${sub(t)}ᶠUᶠ)ᵀ`, part: "f" },
      { from: f("backward", t), to: f("backward", t + 1), label: `(D${sub(t)}ᵇUᵇ)ᵀ`, part: "b" },
    );
  }
  return { steps: T, nodes, forward, gradient };
}

/**
 * The nodes whose gradient flows into `id` along the gradient edges, with the edges that carry it:
 * what the recursion for ∇_{id}L adds up.
 */
export function gradientSources(graph: UnrolledGraph, id: string): GraphEdge[] {
  return graph.gradient.filter((edge) => edge.to === id);
}
