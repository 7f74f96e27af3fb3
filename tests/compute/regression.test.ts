import assert from "node:assert/strict";
import {
  columnNorms,
  featureScales,
  generateRegression,
  largestColumnCosine,
  normalEquations,
  problemStreams,
} from "../../src/compute/regression.ts";

Deno.test("generateRegression(spec): the same seed gives the same problem, another seed another", () => {
  const spec = { n: 30, d: 4, noise: 0.5, seed: 3 };
  assert.deepEqual(generateRegression(spec), generateRegression(spec));
  const other = generateRegression({ ...spec, seed: 4 });
  assert.notDeepEqual(other.x, generateRegression(spec).x);
});

Deno.test("generateRegression(spec): more rows append rows; the teacher does not depend on n or noise", () => {
  const small = generateRegression({ n: 10, d: 3, noise: 0.5, seed: 11 });
  const large = generateRegression({ n: 25, d: 3, noise: 0.5, seed: 11 });
  assert.deepEqual(large.x.subarray(0, small.x.length), small.x);
  assert.deepEqual(large.y.subarray(0, small.n), small.y);
  assert.deepEqual(large.wTrue, small.wTrue);
  const quiet = generateRegression({ n: 10, d: 3, noise: 0, seed: 11 });
  assert.deepEqual(quiet.x, small.x);
  assert.deepEqual(quiet.wTrue, small.wTrue);
});

Deno.test("generateRegression(spec) with noise 0: y = X w* exactly", () => {
  const p = generateRegression({ n: 12, d: 5, noise: 0, seed: 2 });
  for (let i = 0; i < p.n; i++) {
    let s = 0;
    for (let j = 0; j < p.d; j++) s += p.x[i * p.d + j] * p.wTrue[j];
    assert.equal(p.y[i], s);
  }
});

Deno.test("featureScales(d): log-evenly from 1/4 to 4, so column norms differ by about 16×", () => {
  assert.deepEqual([...featureScales(1)], [1]);
  const s = featureScales(5);
  assert.equal(s[0], 0.25);
  assert.equal(s[4], 4);
  assert.ok(Math.abs(s[2] - 1) < 1e-15);
  for (let j = 1; j < 5; j++) assert.ok(Math.abs(s[j] / s[j - 1] - 2) < 1e-12);
  const p = generateRegression({ n: 2000, d: 5, noise: 0, seed: 1 });
  const norms = columnNorms(p);
  // ‖x_j‖ ≈ s_j √n: within 5 % for n = 2000.
  norms.forEach((g, j) => assert.ok(Math.abs(g / (s[j] * Math.sqrt(2000)) - 1) < 0.05));
});

Deno.test("columnNorms(problem) is diag(XᵀX)^½", () => {
  const p = generateRegression({ n: 17, d: 6, noise: 1, seed: 5 });
  const { xtx } = normalEquations(p);
  columnNorms(p).forEach((g, j) => assert.ok(Math.abs(g - Math.sqrt(xtx[j * 6 + j])) <= 1e-14 * g));
});

Deno.test("generateRegression(spec): n = 0, NaN, negative noise and bad seeds are refused by name", () => {
  const base = { n: 10, d: 3, noise: 0.5, seed: 1 };
  assert.throws(
    () => generateRegression({ ...base, n: 0 }),
    /n \(rows\) must be an integer in \[1, 100000\]; got 0/,
  );
  assert.throws(() => generateRegression({ ...base, d: NaN }), /d \(features\) must be an integer/);
  assert.throws(
    () => generateRegression({ ...base, noise: -1 }),
    /noise must be a finite number ≥ 0; got -1/,
  );
  assert.throws(() => generateRegression({ ...base, seed: 1.5 }), /seed must be an integer/);
});

Deno.test("problemStreams(seed): the data stream and each mask stream are distinct and repeatable", () => {
  const a = problemStreams(9);
  const draws = (rng: { uniform(): number }) => Array.from({ length: 5 }, () => rng.uniform());
  const data = draws(a.data);
  const m0 = draws(a.masks(0));
  const m1 = draws(a.masks(1));
  assert.deepEqual(draws(problemStreams(9).masks(1)), m1);
  assert.notDeepEqual(data, m0);
  assert.notDeepEqual(m0, m1);
});

Deno.test("largestColumnCosine(problem): the largest |cos θ| between two columns, 0 for orthogonal or single columns; 0.23 at the page's defaults", () => {
  const orthogonal = { n: 2, d: 2, x: new Float64Array([3, 0, 0, -2]) };
  assert.equal(largestColumnCosine(orthogonal), 0);
  assert.equal(largestColumnCosine({ n: 3, d: 1, x: new Float64Array([1, 2, 3]) }), 0);
  // Columns (1, 1), (1, 0), (2, 2): the first and the last are parallel.
  const x = new Float64Array([1, 1, 2, 1, 0, 2]);
  assert.ok(Math.abs(largestColumnCosine({ n: 2, d: 3, x }) - 1) < 1e-15);
  const mixed = new Float64Array([1, 1, 1, 0]);
  assert.ok(Math.abs(largestColumnCosine({ n: 2, d: 2, x: mixed }) - Math.SQRT1_2) < 1e-15);
  const page = generateRegression({ n: 50, d: 5, noise: 0.5, seed: 1 });
  // Written out here on columns copied out of X.
  const columns = Array.from(
    { length: 5 },
    (_, j) => Array.from({ length: 50 }, (_, i) => page.x[i * 5 + j]),
  );
  const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0);
  let want = 0;
  for (let a = 0; a < 5; a++) {
    for (let b = 0; b < a; b++) {
      const c = Math.abs(dot(columns[a], columns[b])) /
        Math.sqrt(dot(columns[a], columns[a]) * dot(columns[b], columns[b]));
      want = Math.max(want, c);
    }
  }
  assert.ok(Math.abs(largestColumnCosine(page) / want - 1) < 1e-12 && want > 0.2 && want < 0.3);
});
