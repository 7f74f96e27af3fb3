import assert from "node:assert/strict";
import {
  batchNormGaussian2d,
  cloudMoments,
  correlationMatrix,
  correlationSE,
  covarianceEllipse,
  covarianceOf,
  inverseSquareRoot,
} from "../../../src/compute/normalisation-geometry/gaussian2d.ts";
import { assertSampled } from "./sampling.ts";

const N = 200_000;
const SPECS = [
  { mean: [1.5, -1] as const, variance: [2, 0.5] as const, rho: 0.7, samples: N, seed: 1 },
  { mean: [-2, 3] as const, variance: [0.3, 3] as const, rho: -0.45, samples: N, seed: 2 },
  { mean: [0.5, 0.5] as const, variance: [1, 1] as const, rho: 0.9, samples: N, seed: 3 },
];

Deno.test("batchNormGaussian2d: the input's sample means, variances and correlation match N(μ, Σ) within 4 SE (n = 200,000)", () => {
  for (const spec of SPECS) {
    const { input } = batchNormGaussian2d(spec);
    const m = cloudMoments(input);
    const unbiased = N / (N - 1);
    for (const [j, variance] of [[0, m.cov.a], [1, m.cov.c]] as const) {
      const sd = Math.sqrt(spec.variance[j]);
      assertSampled(`μ${j + 1}`, m.mean[j], sd / Math.sqrt(N), spec.mean[j]);
      assertSampled(
        `σ${j + 1}²`,
        variance * unbiased,
        spec.variance[j] * Math.sqrt(2 / (N - 1)),
        spec.variance[j],
      );
    }
    assertSampled("ρ", m.correlation, correlationSE(spec.rho, N), spec.rho);
  }
});

Deno.test("batchNormGaussian2d: batch norm centres each axis and gives it unit variance exactly, and keeps the correlation exactly", () => {
  for (const spec of SPECS) {
    const result = batchNormGaussian2d({ ...spec, samples: 5_000 });
    const before = cloudMoments(result.input);
    const after = cloudMoments(result.batchNorm);
    assert.ok(Math.abs(after.mean[0]) < 1e-13 && Math.abs(after.mean[1]) < 1e-13);
    assert.ok(Math.abs(after.cov.a - 1) < 1e-13 && Math.abs(after.cov.c - 1) < 1e-13);
    // BN does not decorrelate: its output's correlation is the input's, to rounding.
    assert.ok(Math.abs(after.correlation - before.correlation) < 1e-13);
    assert.ok(Math.abs(after.cov.b - before.correlation) < 1e-13);
  }
});

Deno.test("batchNormGaussian2d: over a large batch the BN output has the correlation matrix of Σ, ρ within 4 SE, still tilted", () => {
  for (const spec of SPECS) {
    const after = cloudMoments(batchNormGaussian2d(spec).batchNorm);
    const r = correlationMatrix(covarianceOf(spec.variance, spec.rho));
    assert.equal(r.b, spec.rho);
    assertSampled("BN output ρ", after.correlation, correlationSE(spec.rho, N), spec.rho);
    assert.ok(Math.abs(after.correlation) > 0.4);
  }
});

Deno.test("batchNormGaussian2d: whitening gives covariance I exactly (circles), unlike batch norm", () => {
  for (const spec of SPECS) {
    const after = cloudMoments(batchNormGaussian2d({ ...spec, samples: 5_000 }).whitened);
    assert.ok(Math.abs(after.mean[0]) < 1e-13 && Math.abs(after.mean[1]) < 1e-13);
    assert.ok(Math.abs(after.cov.a - 1) < 1e-12 && Math.abs(after.cov.c - 1) < 1e-12);
    assert.ok(Math.abs(after.cov.b) < 1e-12, `whitened covariance ${after.cov.b}`);
  }
});

Deno.test("inverseSquareRoot(S) is the symmetric W with W·S·W = I", () => {
  for (const s of [{ a: 2, b: 0.7, c: 0.5 }, { a: 1, b: -0.9, c: 1 }, { a: 9, b: 0, c: 0.01 }]) {
    const w = inverseSquareRoot(s);
    // W S W, written out for symmetric 2 × 2 matrices.
    const ws = {
      a: w.a * s.a + w.b * s.b,
      b: w.a * s.b + w.b * s.c,
      c: w.b * s.a + w.c * s.b,
      d: w.b * s.b + w.c * s.c,
    };
    const out = [
      ws.a * w.a + ws.b * w.b,
      ws.a * w.b + ws.b * w.c,
      ws.c * w.a + ws.d * w.b,
      ws.c * w.b + ws.d * w.c,
    ];
    [1, 0, 0, 1].forEach((v, i) => assert.ok(Math.abs(out[i] - v) < 1e-12, JSON.stringify(out)));
  }
  assert.throws(() => inverseSquareRoot({ a: 1, b: 1, c: 1 }), /positive definite/);
});

Deno.test("covarianceEllipse(centre, C, k) lies at Mahalanobis distance k from the centre", () => {
  const cov = covarianceOf([2, 0.5], 0.7);
  const det = cov.a * cov.c - cov.b * cov.b;
  for (const k of [1, 2]) {
    for (const p of covarianceEllipse([1.5, -1], cov, k)) {
      const dx = p.x - 1.5;
      const dy = p.y + 1;
      const d2 = (cov.c * dx * dx - 2 * cov.b * dx * dy + cov.a * dy * dy) / det;
      assert.ok(Math.abs(Math.sqrt(d2) - k) < 1e-12);
    }
  }
});

Deno.test("batchNormGaussian2d: |ρ| ≥ 1, variance ≤ 0 and NaN get RangeErrors that name the control", () => {
  const good = SPECS[0];
  const cases: [object, RegExp][] = [
    [{ rho: 1 }, /correlation ρ must be in \(-1, 1\); got 1/],
    [{ rho: -1.2 }, /correlation ρ must be in \(-1, 1\); got -1.2/],
    [{ variance: [0, 1] }, /variance of x₁ must be a finite number > 0; got 0/],
    [{ variance: [1, -2] }, /variance of x₂ must be a finite number > 0; got -2/],
    [{ mean: [NaN, 0] }, /mean of x₁ must be a finite number; got NaN/],
  ];
  for (const [change, message] of cases) {
    assert.throws(() => batchNormGaussian2d({ ...good, ...change }), message);
  }
});
