import assert from "node:assert/strict";
import {
  batchNormGaussian1d,
  inputMoments,
  normalDensity,
  normalWithin,
  pooledOutputBound,
  pooledOutputDensity,
  pooledOutputKurtosis,
  pooledOutputWithin,
  pooledStatistics,
  standardNormals,
  wallisIntegral,
} from "../../../src/compute/normalisation-geometry/gaussianBatchNorm.ts";
import {
  batchesFor,
  SAMPLES_1D,
} from "../../../src/compute/normalisation-geometry/geometryPage.ts";
import { assertSampled } from "./sampling.ts";

/** The standard normal's mass within 1 and 2 standard deviations, Φ(k) − Φ(−k). */
const NORMAL_WITHIN = { 1: 0.6826894921370859, 2: 0.9544997361036416 };

Deno.test("batchNormGaussian1d(μ = 1.5, σ² = 0.16, β = 3, γ = 1): every batch comes out with mean β and variance γ² exactly", () => {
  const spec = {
    mean: 1.5,
    variance: 0.16,
    beta: 3,
    gamma: 1,
    batchSize: 256,
    batches: 800,
    seed: 1,
  };
  const { x, y } = batchNormGaussian1d(spec);
  for (let b = 0; b < spec.batches; b++) {
    const batch = y.subarray(b * 256, (b + 1) * 256);
    const mean = batch.reduce((s, v) => s + v, 0) / 256;
    const variance = batch.reduce((s, v) => s + (v - mean) ** 2, 0) / 256;
    assert.ok(Math.abs(mean - 3) < 1e-13, `batch ${b}: mean ${mean}`);
    assert.ok(Math.abs(variance - 1) < 1e-13, `batch ${b}: variance ${variance}`);
  }
  // The inputs are the seed's N(1.5, 0.16): 204,800 draws.
  const input = inputMoments(x);
  assertSampled("input mean", input.mean, input.meanSE, 1.5);
  assertSampled("input variance", input.variance, input.varianceSE, 0.16);
});

Deno.test("batchNormGaussian1d: at m = 256 the pooled outputs are N(β, γ²): kurtosis 3 and normal coverage of β ± γ and β ± 2γ, within 4 SE", () => {
  // 1,024,000 values: enough that a 2 % error in any of the three fails.
  const spec = {
    mean: -0.7,
    variance: 2.5,
    beta: 3,
    gamma: 1.7,
    batchSize: 256,
    batches: 4000,
    seed: 2,
  };
  const stats = pooledStatistics(batchNormGaussian1d(spec).y, 256, spec.beta, spec.gamma);
  assert.ok(Math.abs(stats.mean - 3) < 1e-12 && Math.abs(stats.variance / 1.7 ** 2 - 1) < 1e-12);
  assertSampled("kurtosis", stats.kurtosis, stats.kurtosisSE, pooledOutputKurtosis(256));
  // At m = 256 the exact kurtosis 3·255/257 is within 1 % of the normal's 3.
  assert.ok(Math.abs(pooledOutputKurtosis(256) / 3 - 1) < 0.01);
  for (const { k, share, standardError } of stats.within) {
    assertSampled(`share within ${k}γ`, share, standardError, pooledOutputWithin(k, 256));
    assert.ok(Math.abs(pooledOutputWithin(k, 256) / NORMAL_WITHIN[k as 1 | 2] - 1) < 0.005);
  }
});

for (const m of [3, 4, 8]) {
  Deno.test(`batchNormGaussian1d: small batches (m = ${m}) give the Beta law, kurtosis 3(m − 1)/(m + 1) and |u| ≤ √(m − 1), within 4 SE`, () => {
    const batches = Math.round(1_000_000 / m);
    const spec = { mean: 1.5, variance: 0.16, beta: 3, gamma: 1, batchSize: m, batches, seed: m };
    const { y } = batchNormGaussian1d(spec);
    const stats = pooledStatistics(y, m, 3, 1);
    if (m === 3) {
      // Three numbers with sum 0 and sum of squares 3 have sum of fourth powers 3²/2: every
      // batch of three has the same fourth moment, 3/2, and there is nothing to sample.
      assert.ok(Math.abs(stats.kurtosis - pooledOutputKurtosis(3)) < 1e-12);
      assert.ok(stats.kurtosisSE < 1e-12);
    } else {
      assertSampled(
        `m = ${m}: kurtosis`,
        stats.kurtosis,
        stats.kurtosisSE,
        pooledOutputKurtosis(m),
      );
    }
    const bound = pooledOutputBound(m);
    for (const { k, share, standardError } of stats.within) {
      // Past the bound every value is inside: the share is exactly 1.
      if (k >= bound) assert.equal(share, 1);
      else {assertSampled(
          `m = ${m}: share within ${k}`,
          share,
          standardError,
          pooledOutputWithin(k, m),
        );}
    }
    assert.ok(y.every((v) => Math.abs(v - 3) <= bound + 1e-12));
  });
}

Deno.test("batchNormGaussian1d with normals = standardNormals(seed, n) gives the same numbers as drawing them", () => {
  const spec = {
    mean: 1.5,
    variance: 0.16,
    beta: 3,
    gamma: 1,
    batchSize: 16,
    batches: 30,
    seed: 4,
  };
  const drawn = batchNormGaussian1d(spec);
  const reused = batchNormGaussian1d({ ...spec, normals: standardNormals(4, 1000) });
  assert.deepEqual(reused.x, drawn.x);
  assert.deepEqual(reused.y, drawn.y);
  assert.throws(
    () => batchNormGaussian1d({ ...spec, normals: standardNormals(4, 100) }),
    /at least 480/,
  );
});

Deno.test("batchNormGaussian1d: at m = 2 every output is β ± γ exactly", () => {
  const { y } = batchNormGaussian1d({
    mean: 0,
    variance: 1,
    beta: 3,
    gamma: 2,
    batchSize: 2,
    batches: 50,
    seed: 3,
  });
  for (const v of y) assert.ok(Math.abs(Math.abs(v - 3) - 2) < 1e-14, String(v));
  assert.equal(pooledOutputKurtosis(2), 1);
  assert.equal(pooledOutputWithin(0.99, 2), 0);
  assert.equal(pooledOutputWithin(1, 2), 1);
});

Deno.test("pooledOutputDensity(u, m) integrates to 1 with variance 1 and fourth moment 3(m − 1)/(m + 1)", () => {
  for (const m of [5, 6, 10, 50, 300]) {
    const edge = Math.sqrt(m - 1);
    // u = edge·sin θ removes the edges' square-root behaviour: the integrand is smooth in θ.
    const n = 4000;
    const moments = [0, 0, 0];
    for (let i = 0; i <= n; i++) {
      const theta = -Math.PI / 2 + (Math.PI * i) / n;
      const u = edge * Math.sin(theta);
      const weight = (i === 0 || i === n ? 0.5 : 1) * (Math.PI / n) * edge * Math.cos(theta);
      const f = pooledOutputDensity(u, m) * weight;
      moments[0] += f;
      moments[1] += f * u * u;
      moments[2] += f * u ** 4;
    }
    assert.ok(Math.abs(moments[0] - 1) < 1e-9, `m = ${m}: mass ${moments[0]}`);
    assert.ok(Math.abs(moments[1] - 1) < 1e-9, `m = ${m}: variance ${moments[1]}`);
    assert.ok(Math.abs(moments[2] - pooledOutputKurtosis(m)) < 1e-9, `m = ${m}: ${moments[2]}`);
  }
  // m = 4: uniform on (−√3, √3); m = 3: the arcsine law on (−√2, √2).
  assert.ok(Math.abs(pooledOutputDensity(0.3, 4) - 1 / (2 * Math.sqrt(3))) < 1e-15);
  assert.equal(pooledOutputDensity(1.8, 4), 0);
  assert.ok(Math.abs(pooledOutputDensity(0, 3) - 1 / (Math.PI * Math.SQRT2)) < 1e-15);
  assert.ok(Math.abs(pooledOutputWithin(1, 4) - 1 / Math.sqrt(3)) < 1e-12);
  assert.ok(Math.abs(pooledOutputWithin(1, 3) - (2 / Math.PI) * Math.asin(1 / Math.SQRT2)) < 1e-12);
});

Deno.test("pooledOutputDensity(u, m) tends to the standard normal density as m grows", () => {
  let previous = Infinity;
  for (const m of [16, 64, 256, 1024, 4096]) {
    const gap = Math.max(
      ...[0, 0.5, 1, 2, 3].map((u) => Math.abs(pooledOutputDensity(u, m) - normalDensity(u, 0, 1))),
    );
    assert.ok(gap < previous, `m = ${m}: ${gap}`);
    previous = gap;
  }
  assert.ok(previous < 2e-4);
  assert.ok(Math.abs(pooledOutputWithin(1, 4096) - NORMAL_WITHIN[1]) < 1e-4);
  assert.ok(Math.abs(pooledOutputWithin(2, 4096) - NORMAL_WITHIN[2]) < 1e-4);
});

Deno.test("normalWithin(k) is the standard normal's mass within k: 0.6827 and 0.9545", () => {
  assert.ok(Math.abs(normalWithin(1) - NORMAL_WITHIN[1]) < 1e-12);
  assert.ok(Math.abs(normalWithin(2) - NORMAL_WITHIN[2]) < 1e-12);
  assert.equal(normalWithin(0), 0);
});

Deno.test("wallisIntegral(n) is ∫₀^{π/2} cosⁿθ dθ: π/2, 1, π/4, 2/3, 3π/16", () => {
  const expected = [Math.PI / 2, 1, Math.PI / 4, 2 / 3, (3 * Math.PI) / 16];
  expected.forEach((v, n) => assert.ok(Math.abs(wallisIntegral(n) - v) < 1e-15));
});

Deno.test("normalDensity(x, μ, σ²) is the N(μ, σ²) density", () => {
  assert.ok(Math.abs(normalDensity(1.5, 1.5, 0.16) - 1 / Math.sqrt(2 * Math.PI * 0.16)) < 1e-15);
  assert.ok(
    Math.abs(normalDensity(1.9, 1.5, 0.16) / normalDensity(1.5, 1.5, 0.16) - Math.exp(-0.5)) <
      1e-15,
  );
});

Deno.test("the page draws about SAMPLES_1D values at every batch size", () => {
  for (const m of [2, 3, 100, 256, 1024]) {
    const total = m * batchesFor(m);
    assert.ok(batchesFor(m) >= 2 && Math.abs(total - SAMPLES_1D) <= m, `m = ${m}: ${total}`);
  }
});

Deno.test("batchNormGaussian1d: bad inputs get RangeErrors that name the control", () => {
  const good = { mean: 1.5, variance: 0.16, beta: 3, gamma: 1, batchSize: 8, batches: 2, seed: 1 };
  const cases: [Record<string, number>, RegExp][] = [
    [{ batchSize: 0 }, /batch size m must be an integer in \[2, 4096\]; got 0/],
    [{ batchSize: 1 }, /batch size m must be an integer in \[2, 4096\]; got 1/],
    [{ variance: 0 }, /input variance σ² must be a finite number > 0; got 0/],
    [{ variance: -1 }, /input variance σ² must be a finite number > 0; got -1/],
    [{ mean: NaN }, /input mean μ must be a finite number; got NaN/],
    [{ gamma: 0 }, /scale γ must be a finite number > 0; got 0/],
    [{ beta: Infinity }, /shift β must be a finite number; got Infinity/],
  ];
  for (const [change, message] of cases) {
    assert.throws(() => batchNormGaussian1d({ ...good, ...change }), message);
  }
});
