/**
 * Central finite differences of the bidirectional RNN's loss, on a forward pass of their own.
 *
 * The course's recursions (brnn.ts) run on brnnForward. If the finite differences called it too, a
 * mistake in that forward pass would be made identically by both and pass unnoticed; so the loss
 * is written out again here, directly from the equations
 *
 *   hₜᶠ = σ(Wᶠxₜ + Uᶠhₜ₋₁ᶠ),   hₜᵇ = σ(Wᵇxₜ + Uᵇhₜ₊₁ᵇ),   L = Σₜ ‖zₜ − (Vᶠhₜᶠ + Vᵇhₜᵇ)‖²,
 *
 * with its own loops, its own logistic function and no helper from brnn.ts or linalg.ts.
 * Only the instance (the Brnn record) is shared.
 */
import type { Brnn, BrnnWeight } from "./brnn.js";
import { integerAtLeast, positiveNumber } from "../validate.js";

/** An additive nudge to one hidden state right after it is computed. */
export interface StateNudge {
  chain: "f" | "b";
  t: number;
  delta: ArrayLike<number>;
}

export interface DirectPass {
  /** Row t of the (T + 2)×n array is hₜᶠ for t = 0…T (row T + 1 unused). */
  forward: Float64Array;
  /** Row t is hₜᵇ for t = 1…T + 1 (row 0 unused). */
  backward: Float64Array;
  loss: number;
}

const logistic = (v: number) => 1 / (1 + Math.exp(-v));

/** The loss L and both chains' states, computed from the equations with plain loops. */
export function brnnDirectPass(net: Brnn, nudge?: StateNudge): DirectPass {
  const { inputs: m, hidden: n, outputs: k, steps: T } = net.sizes;
  const forward = new Float64Array((T + 2) * n);
  const backward = new Float64Array((T + 2) * n);
  const nudged = (chain: "f" | "b", t: number, states: Float64Array) => {
    if (!nudge || nudge.chain !== chain || nudge.t !== t) return;
    for (let i = 0; i < n; i++) states[t * n + i] += nudge.delta[i];
  };
  // One step of a chain: row `to` = σ(W x + U · row `from`).
  const step = (
    w: Float64Array,
    u: Float64Array,
    x: Float64Array,
    states: Float64Array,
    from: number,
    to: number,
  ) => {
    for (let i = 0; i < n; i++) {
      let pre = 0;
      for (let j = 0; j < m; j++) pre += w[i * m + j] * x[j];
      for (let j = 0; j < n; j++) pre += u[i * n + j] * states[from * n + j];
      states[to * n + i] = logistic(pre);
    }
  };
  forward.set(net.hf0, 0);
  nudged("f", 0, forward);
  for (let t = 1; t <= T; t++) {
    step(net.wf, net.uf, net.x[t - 1], forward, t - 1, t);
    nudged("f", t, forward);
  }
  backward.set(net.hbEnd, (T + 1) * n);
  nudged("b", T + 1, backward);
  for (let t = T; t >= 1; t--) {
    step(net.wb, net.ub, net.x[t - 1], backward, t + 1, t);
    nudged("b", t, backward);
  }
  let loss = 0;
  for (let t = 1; t <= T; t++) {
    for (let o = 0; o < k; o++) {
      let y = 0;
      for (let i = 0; i < n; i++) {
        y += net.vf[o * n + i] * forward[t * n + i] + net.vb[o * n + i] * backward[t * n + i];
      }
      loss += (net.z[t - 1][o] - y) ** 2;
    }
  }
  return { forward, backward, loss };
}

/** The step ε of the central differences. */
export const FD_STEP = 1e-5;

/** ∂L/∂(weight) entry by entry by central differences (L(θ + ε) − L(θ − ε))/2ε. */
export function brnnFiniteDifferences(net: Brnn, name: BrnnWeight, eps = FD_STEP): Float64Array {
  positiveNumber("step ε", eps);
  const weight = net[name];
  const out = new Float64Array(weight.length);
  for (let k = 0; k < weight.length; k++) {
    const keep = weight[k];
    weight[k] = keep + eps;
    const up = brnnDirectPass(net).loss;
    weight[k] = keep - eps;
    const down = brnnDirectPass(net).loss;
    weight[k] = keep;
    out[k] = (up - down) / (2 * eps);
  }
  return out;
}

/** ∇_{hₜ}L of one chain by central differences, nudging hₜ right after it is computed. */
export function stateFiniteDifferences(
  net: Brnn,
  chain: "f" | "b",
  t: number,
  eps = FD_STEP,
): Float64Array {
  const T = net.sizes.steps;
  integerAtLeast("t", t, chain === "f" ? 0 : 1, chain === "f" ? T : T + 1);
  const n = net.sizes.hidden;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const delta = new Float64Array(n);
    delta[i] = eps;
    const up = brnnDirectPass(net, { chain, t, delta }).loss;
    delta[i] = -eps;
    const down = brnnDirectPass(net, { chain, t, delta }).loss;
    out[i] = (up - down) / (2 * eps);
  }
  return out;
}
