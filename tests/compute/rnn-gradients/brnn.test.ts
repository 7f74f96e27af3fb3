import assert from "node:assert/strict";
import {
  brnnForward,
  brnnStateGradients,
  brnnWeightGradients,
  randomBrnn,
  relativeGap,
} from "../../../src/compute/rnn-gradients/brnn.ts";
import {
  brnnDirectPass,
  brnnFiniteDifferences,
  stateFiniteDifferences,
} from "../../../src/compute/rnn-gradients/brnnFiniteDifferences.ts";

const instances = [
  randomBrnn({ seed: 1 }),
  randomBrnn({ seed: 2, steps: 6 }),
  randomBrnn({ seed: 3, steps: 1, inputs: 2, hidden: 5, outputs: 3 }),
];

Deno.test("brnnForward: hₜᶠ = σ(Wᶠxₜ + Uᶠhₜ₋₁ᶠ), hₜᵇ = σ(Wᵇxₜ + Uᵇhₜ₊₁ᵇ), yₜ = Vᶠhₜᶠ + Vᵇhₜᵇ on a hand-sized instance", () => {
  const net = randomBrnn({ seed: 5, inputs: 1, hidden: 1, outputs: 1, steps: 2 });
  const s = (v: number) => 1 / (1 + Math.exp(-v));
  const [wf, uf, vf, wb, ub, vb] = [net.wf, net.uf, net.vf, net.wb, net.ub, net.vb].map((m) =>
    m[0]
  );
  const [x1, x2] = [net.x[0][0], net.x[1][0]];
  const hf1 = s(wf * x1 + uf * net.hf0[0]), hf2 = s(wf * x2 + uf * hf1);
  const hb2 = s(wb * x2 + ub * net.hbEnd[0]), hb1 = s(wb * x1 + ub * hb2);
  const y1 = vf * hf1 + vb * hb1, y2 = vf * hf2 + vb * hb2;
  const pass = brnnForward(net);
  assert.ok(Math.abs(pass.y[0][0] - y1) < 1e-15 && Math.abs(pass.y[1][0] - y2) < 1e-15);
  const loss = (net.z[0][0] - y1) ** 2 + (net.z[1][0] - y2) ** 2;
  assert.ok(Math.abs(pass.loss - loss) < 1e-14);
});

Deno.test("brnnStateGradients: the local terms ∇_{hₜᶠ}Lₜ = −2Vᶠᵀ(zₜ − yₜ) and ∇_{hₜᵇ}Lₜ = −2Vᵇᵀ(zₜ − yₜ) are the whole gradient at the chains' ends, by finite differences", () => {
  for (const net of instances) {
    const T = net.sizes.steps;
    const grads = brnnStateGradients(net);
    // h_Tᶠ and h₁ᵇ feed nothing but their own output.
    assert.ok(relativeGap(grads.localF[T - 1], stateFiniteDifferences(net, "f", T)) < 1e-8);
    assert.ok(relativeGap(grads.localB[0], stateFiniteDifferences(net, "b", 1)) < 1e-8);
  }
});

Deno.test("brnnDirectPass: ∂hₜ₊₁ᶠ/∂hₜᶠ = diag(hₜ₊₁ᶠ(1 − hₜ₊₁ᶠ))Uᶠ and ∂hₜ₋₁ᵇ/∂hₜᵇ = diag(hₜ₋₁ᵇ(1 − hₜ₋₁ᵇ))Uᵇ, by finite differences", () => {
  const net = randomBrnn({ seed: 4, steps: 4 });
  const n = net.sizes.hidden;
  const pass = brnnForward(net);
  const eps = 1e-6;
  for (
    const [chain, t, next, u, h] of [
      ["f", 2, 3, net.uf, pass.hf[3]],
      ["b", 3, 2, net.ub, pass.hb[2]],
    ] as const
  ) {
    for (let j = 0; j < n; j++) {
      const delta = new Float64Array(n);
      delta[j] = eps;
      const up = brnnDirectPass(net, { chain, t, delta });
      delta[j] = -eps;
      const down = brnnDirectPass(net, { chain, t, delta });
      const pick = (p: typeof up, i: number) =>
        (chain === "f" ? p.forward : p.backward)[next * n + i];
      for (let i = 0; i < n; i++) {
        const fd = (pick(up, i) - pick(down, i)) / (2 * eps);
        const formula = h[i] * (1 - h[i]) * u[i * n + j];
        assert.ok(Math.abs(fd - formula) < 1e-9, `${chain}: (${i}, ${j}) ${fd} vs ${formula}`);
      }
    }
  }
});

Deno.test("brnnDirectPass, the finite differences' own forward pass, gives brnnForward's states and loss to 1e-14 on 30 random instances", () => {
  for (let seed = 0; seed < 30; seed++) {
    const net = randomBrnn({
      seed,
      inputs: 1 + (seed % 4),
      hidden: 1 + (seed % 6),
      outputs: 1 + (seed % 3),
      steps: 1 + (seed % 8),
    });
    const { hidden: n, steps: T } = net.sizes;
    const pass = brnnForward(net);
    const direct = brnnDirectPass(net);
    assert.ok(
      Math.abs(direct.loss - pass.loss) <= 1e-14 * Math.max(1, pass.loss),
      `seed ${seed}: ${direct.loss} vs ${pass.loss}`,
    );
    for (let t = 0; t <= T; t++) {
      for (let i = 0; i < n; i++) {
        assert.ok(Math.abs(direct.forward[t * n + i] - pass.hf[t][i]) < 1e-14, `hᶠ, t = ${t}`);
        if (t >= 1) {
          assert.ok(Math.abs(direct.backward[t * n + i] - pass.hb[t][i]) < 1e-14, `hᵇ, t = ${t}`);
        }
      }
    }
  }
});

Deno.test("brnnStateGradients: ∇_{hₜᶠ}L and ∇_{hₜᵇ}L by the course's recursions match central finite differences at every t, initial states included", () => {
  for (const net of instances) {
    const T = net.sizes.steps;
    const grads = brnnStateGradients(net);
    for (let t = 0; t <= T; t++) {
      const gap = relativeGap(grads.gf[t], stateFiniteDifferences(net, "f", t));
      assert.ok(gap < 1e-8, `forward t = ${t}: ${gap}`);
    }
    for (let t = 1; t <= T + 1; t++) {
      const gap = relativeGap(grads.gb[t], stateFiniteDifferences(net, "b", t));
      assert.ok(gap < 1e-8, `backward t = ${t}: ${gap}`);
    }
  }
});

Deno.test("brnnWeightGradients: ∇_{Wᶠ}L = Σₜ diag(hₜᶠ(1 − hₜᶠ))∇_{hₜᶠ}L xₜᵀ and ∇_{Uᵇ}L = Σₜ diag(hₜᵇ(1 − hₜᵇ))∇_{hₜᵇ}L hₜ₊₁ᵇᵀ match central finite differences", () => {
  for (const net of instances) {
    const grads = brnnWeightGradients(net);
    const wf = relativeGap(grads.wf, brnnFiniteDifferences(net, "wf"));
    const ub = relativeGap(grads.ub, brnnFiniteDifferences(net, "ub"));
    assert.ok(wf < 1e-8, `Wᶠ: ${wf}`);
    assert.ok(ub < 1e-8, `Uᵇ: ${ub}`);
    assert.ok(grads.wf.some((v) => Math.abs(v) > 1e-3) && grads.ub.some((v) => Math.abs(v) > 1e-3));
  }
});

Deno.test("randomBrnn: sizes, steps and seeds are checked by name; one seed gives one instance", () => {
  assert.throws(
    () => randomBrnn({ seed: 1, steps: 0 }),
    /steps T must be an integer in \[1, 64\]; got 0/,
  );
  assert.throws(() => randomBrnn({ seed: 1, hidden: 0 }), /hidden n/);
  assert.throws(() => randomBrnn({ seed: NaN }), /seed/);
  assert.throws(() => stateFiniteDifferences(randomBrnn({ seed: 1 }), "b", 0), /t must be/);
  assert.deepEqual(randomBrnn({ seed: 9 }), randomBrnn({ seed: 9 }));
  assert.equal(relativeGap([1, 2], [1, 2]), 0);
  assert.equal(relativeGap([1, 2.5], [1, 2]), 0.25);
});
