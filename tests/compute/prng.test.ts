import assert from "node:assert/strict";
import { createRng } from "../../src/compute/prng.ts";

const draws = (seed: number, n: number, kind: "uniform" | "normal" = "uniform") => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng[kind]());
};

const meanVar = (xs: number[]) => {
  const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
  const variance = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
};

Deno.test("prng: same seed gives the same sequence", () => {
  assert.deepEqual(draws(42, 1000), draws(42, 1000));
  assert.deepEqual(draws(42, 1000, "normal"), draws(42, 1000, "normal"));
});

Deno.test("createRng(seed): different seeds, including nearby ones and the ends of the range, differ", () => {
  const a = draws(1, 100);
  for (const seed of [2, 0, 2 ** 31, 2 ** 32 - 1]) {
    const b = draws(seed, 100);
    const same = a.filter((v, i) => v === b[i]).length;
    assert.ok(same < 3, `seed ${seed} repeats ${same} of 100 draws of seed 1`);
  }
});

Deno.test("prng: uniform is in [0, 1) with mean 1/2 and variance 1/12", () => {
  const xs = draws(7, 100_000);
  assert.ok(xs.every((v) => v >= 0 && v < 1));
  const { mean, variance } = meanVar(xs);
  // Standard error of the mean is sqrt(1/12 / 1e5) ≈ 0.0009; 0.005 is over 5 standard errors.
  assert.ok(Math.abs(mean - 0.5) < 0.005, `mean ${mean}`);
  assert.ok(Math.abs(variance - 1 / 12) < 0.002, `variance ${variance}`);
});

Deno.test("prng: normal has mean 0 and variance 1", () => {
  const { mean, variance } = meanVar(draws(11, 100_000, "normal"));
  // Standard errors: 0.0032 for the mean, about 0.0045 for the variance.
  assert.ok(Math.abs(mean) < 0.02, `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 0.025, `variance ${variance}`);
});

Deno.test("prng: int covers {0..n-1} evenly and rejects bad n", () => {
  const rng = createRng(3);
  const counts = new Array(6).fill(0);
  for (let i = 0; i < 60_000; i++) counts[rng.int(6)]++;
  for (const c of counts) assert.ok(Math.abs(c - 10_000) < 500, `counts ${counts}`);
  for (const bad of [0, -1, 2.5, NaN]) assert.throws(() => rng.int(bad), RangeError);
});

Deno.test("prng: fork is deterministic and independent of the parent", () => {
  const a = createRng(5).fork();
  const b = createRng(5).fork();
  const xa = Array.from({ length: 50 }, () => a.uniform());
  assert.deepEqual(xa, Array.from({ length: 50 }, () => b.uniform()));
  const parent = createRng(5);
  parent.fork();
  const xp = Array.from({ length: 50 }, () => parent.uniform());
  assert.ok(xa.filter((v, i) => v === xp[i]).length < 3);
});

Deno.test("createRng(seed) refuses seeds outside [0, 2³²), so 1 and 2³² + 1 cannot collide", () => {
  // The generator is seeded from 32 bits: 2³² + 1 would reduce to 1 and repeat its stream.
  for (const bad of [2 ** 32 + 1, 2 ** 32, -1, 1.5, NaN, Infinity, -Infinity]) {
    assert.throws(
      () => createRng(bad),
      (e: unknown) =>
        e instanceof RangeError &&
        e.message === `seed must be an integer in [0, 4294967295]; got ${bad}`,
      `seed ${bad}`,
    );
  }
  assert.deepEqual(draws(2 ** 32 - 1, 3), draws(2 ** 32 - 1, 3));
});
