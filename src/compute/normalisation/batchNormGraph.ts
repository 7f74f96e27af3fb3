/**
 * Training-time batch norm as a computational graph: its nodes, its eight edges, and for each
 * edge the quantity that the backward pass sends back along it (a key of BatchNormBackwardPass).
 * The loss as a function of the graph's nodes, with μ and σ² free, checks each edge's quantity.
 */
import {
  type BatchNormBackwardPass,
  type BatchNormParams,
  checkMatrix,
  type Matrix,
} from "./batchNormBackward.js";

export type GraphNode = "X" | "gamma" | "beta" | "mean" | "variance" | "Z" | "Y";

export interface GraphEdge {
  from: GraphNode;
  to: GraphNode;
  /** What flows back along the edge, as computed by batchNormBackward. */
  back: keyof BatchNormBackwardPass;
}

export const GRAPH_EDGES: readonly GraphEdge[] = [
  { from: "X", to: "mean", back: "dXViaMean" },
  { from: "X", to: "variance", back: "dXViaVariance" },
  { from: "X", to: "Z", back: "dXViaZ" },
  { from: "mean", to: "Z", back: "dMean" },
  { from: "variance", to: "Z", back: "dVariance" },
  { from: "Z", to: "Y", back: "dZ" },
  { from: "gamma", to: "Y", back: "dGamma" },
  { from: "beta", to: "Y", back: "dBeta" },
];

/** The parents of a node: what it is computed from. */
export function parentsOf(node: GraphNode): GraphNode[] {
  return GRAPH_EDGES.filter((edge) => edge.to === node).map((edge) => edge.from);
}

/**
 * L = Σ dY ⊙ Y with Y computed from its parents only: Z from (X, μ, σ²) and Y from (Z, γ, β).
 * μ and σ² are passed in rather than computed from X, so a derivative with respect to one of
 * them is the gradient along its own edge into Z.
 */
export function lossFromNodes(
  nodes: { X: Matrix; mean: number[]; variance: number[]; gamma: number[]; beta: number[] },
  dY: Matrix,
  epsilon: BatchNormParams["epsilon"],
): number {
  checkMatrix("X", nodes.X);
  let loss = 0;
  nodes.X.forEach((row, i) =>
    row.forEach((x, j) => {
      const z = (x - nodes.mean[j]) / Math.sqrt(nodes.variance[j] + epsilon);
      loss += dY[i][j] * (nodes.gamma[j] * z + nodes.beta[j]);
    })
  );
  return loss;
}
