import assert from "node:assert/strict";
import {
  adjointCheck,
  correlate1d,
  correlate2d,
  transposedConv1d,
  transposedConv2d,
  transposedLayout1d,
  transposedStamps2d,
  transposedTerms1d,
} from "../../../src/compute/convolution/transposed.ts";
import { forwardLength, transposedLength } from "../../../src/compute/grid.ts";
import { createRng, type Rng } from "../../../src/compute/prng.ts";

const SEED_INPUT = [[-1, 2], [3, 1]];
const SEED_FILTER = [[1, -1], [0, 1]];
const SEED_OUTPUT = [[-1, 3, -2], [3, -3, 1], [0, 3, 1]];

const throwsWith = (fn: () => unknown, pattern: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof RangeError && pattern.test(e.message));

const grid = (rng: Rng, rows: number, cols: number) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal()));

Deno.test("transposedTerms1d(3, 3, {stride: 2}) is the seed's [ax, ay, az + bx, by, bz + cx, cy, cz]", () => {
  const letters = (cells: { input: number; tap: number }[][]) =>
    cells.map((terms) => terms.map(({ input, tap }) => "abc"[input] + "xyz"[tap]).join(" + "));
  assert.deepEqual(letters(transposedTerms1d(3, 3, { stride: 2 })), [
    "ax",
    "ay",
    "az + bx",
    "by",
    "bz + cx",
    "cy",
    "cz",
  ]);
  // Padding 1 crops one cell from each end.
  assert.deepEqual(letters(transposedTerms1d(3, 3, { stride: 2, padding: 1 })), [
    "ay",
    "az + bx",
    "by",
    "bz + cx",
    "cy",
  ]);
});

Deno.test("transposedConv2d([[−1, 2], [3, 1]], [[1, −1], [0, 1]]) at stride 1, padding 0 is the seed's 3 × 3 output", () => {
  assert.deepEqual(transposedConv2d(SEED_INPUT, SEED_FILTER), SEED_OUTPUT);
});

Deno.test("transposedStamps2d: the four scaled, shifted filters of the seed add up to its output", () => {
  const stamps = transposedStamps2d(SEED_INPUT, SEED_FILTER);
  assert.equal(stamps.length, 4);
  const sum = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  for (const s of stamps) {
    assert.deepEqual([s.top, s.left], [s.row, s.col]);
    s.products.forEach((row, u) => row.forEach((v, w) => (sum[s.top + u][s.left + w] += v)));
  }
  assert.deepEqual(sum, SEED_OUTPUT);
  // The third stamp is 3 times the filter, one row down: the seed's third matrix.
  assert.deepEqual(stamps[2].products, [[3, -3], [0, 3]]);
});

Deno.test("transposedLength(n, k, s, p) = (n − 1)·s + k − 2p is the length transposedConv1d returns", () => {
  const rng = createRng(5);
  for (let n = 1; n <= 5; n++) {
    for (let k = 1; k <= 4; k++) {
      for (let stride = 1; stride <= 3; stride++) {
        for (let padding = 0; padding <= 3; padding++) {
          const expected = (n - 1) * stride + k - 2 * padding;
          const x = Array.from({ length: n }, () => rng.normal());
          const h = Array.from({ length: k }, () => rng.normal());
          if (expected < 1) {
            throwsWith(() => transposedConv1d(x, h, { stride, padding }), /nothing is left/);
            continue;
          }
          assert.equal(transposedLength(n, k, { stride, padding }), expected);
          assert.equal(transposedConv1d(x, h, { stride, padding }).length, expected);
          // The forward convolution maps that length back to n.
          assert.equal(forwardLength(expected, k, { stride, padding }), n);
        }
      }
    }
  }
});

Deno.test("transposedConv1d with stride s: input i stamps x_i·h at offset s·i, overlaps add (stride 2: 7 cells)", () => {
  assert.deepEqual(transposedConv1d([1, 10, 100], [1, 2, 3], { stride: 2 }), [
    1,
    2,
    13,
    20,
    130,
    200,
    300,
  ]);
  assert.deepEqual(transposedConv1d([1, 10, 100], [1, 2, 3], { stride: 3 }), [
    1,
    2,
    3,
    10,
    20,
    30,
    100,
    200,
    300,
  ]);
  assert.deepEqual(transposedConv1d([1, 10, 100], [1, 2, 3], { stride: 1 }), [
    1,
    12,
    123,
    230,
    300,
  ]);
  const layout = transposedLayout1d(3, 3, { stride: 2, padding: 1 });
  assert.deepEqual(layout.contributions.filter((c) => c.output < 0).map((c) => [c.input, c.tap]), [[
    0,
    0,
  ], [2, 2]]);
});

/** The matrix of conv: column c is conv of the c-th unit input (1-D). */
function convMatrix(N: number, h: number[], stride: number, padding: number): number[][] {
  const columns = Array.from(
    { length: N },
    (_, c) =>
      correlate1d(Array.from({ length: N }, (_, i) => (i === c ? 1 : 0)), h, { stride, padding }),
  );
  return columns[0].map((_, r) => columns.map((col) => col[r]));
}

Deno.test("transposedConv1d is the transpose of correlate1d's matrix, entry for entry, for strides 1–3 and paddings 0–2", () => {
  const rng = createRng(8);
  for (let stride = 1; stride <= 3; stride++) {
    for (let padding = 0; padding <= 2; padding++) {
      const n = 4, k = 3;
      const N = (n - 1) * stride + k - 2 * padding;
      const h = Array.from({ length: k }, () => rng.int(7) - 3);
      const M = convMatrix(N, h, stride, padding);
      assert.equal(M.length, n);
      for (let r = 0; r < n; r++) {
        const unit = Array.from({ length: n }, (_, i) => (i === r ? 1 : 0));
        // convᵀ(e_r) is row r of M.
        assert.deepEqual(transposedConv1d(unit, h, { stride, padding }), M[r]);
      }
    }
  }
});

Deno.test("adjointCheck: ⟨conv(x), y⟩ = ⟨x, convᵀ(y)⟩ to rounding (relative gap < 1e-13) for strides 1–3, paddings 0–2, in 2-D", () => {
  const rng = createRng(21);
  let checked = 0;
  for (let stride = 1; stride <= 3; stride++) {
    for (let padding = 0; padding <= 2; padding++) {
      for (let trial = 0; trial < 10; trial++) {
        const [n1, n2, k1, k2] = [2 + rng.int(4), 2 + rng.int(4), 2 + rng.int(3), 1 + rng.int(4)];
        const sp = { stride, padding };
        let N1: number, N2: number;
        try {
          N1 = transposedLength(n1, k1, sp);
          N2 = transposedLength(n2, k2, sp);
        } catch {
          continue;
        }
        const filter = grid(rng, k1, k2);
        const check = adjointCheck(grid(rng, N1, N2), grid(rng, n1, n2), filter, sp);
        assert.deepEqual(check.smallSize, [n1, n2]);
        assert.ok(check.relativeGap < 1e-13, `s=${stride} p=${padding}: gap ${check.relativeGap}`);
        assert.ok(Math.abs(check.left) > 1e-3, "a trivial inner product proves nothing");
        checked++;
      }
    }
  }
  assert.ok(checked >= 80, `only ${checked} cases checked`);
});

Deno.test("adjointCheck: a transposed convolution with the wrong crop breaks the identity (the test can fail)", () => {
  const rng = createRng(3);
  const filter = grid(rng, 3, 3);
  const y = grid(rng, 3, 3);
  const x = grid(rng, 5, 5);
  // Stride 2, padding 1: convᵀ(y) is 5 × 5. Compare with the uncropped 7 × 7 shifted by one cell.
  const right = transposedConv2d(y, filter, { stride: 2, padding: 0 }).slice(0, 5).map((row) =>
    row.slice(0, 5)
  );
  const left = correlate2d(x, filter, { stride: 2, padding: 1 });
  const l = left.flat().reduce((s, v, i) => s + v * y.flat()[i], 0);
  const r = right.flat().reduce((s, v, i) => s + v * x.flat()[i], 0);
  assert.ok(Math.abs(l - r) > 1e-3 * Math.abs(l));
  assert.ok(adjointCheck(x, y, filter, { stride: 2, padding: 1 }).relativeGap < 1e-13);
});

Deno.test("correlate2d(x, h) with stride 1 and no padding slides h without flipping it", () => {
  assert.deepEqual(correlate2d(SEED_OUTPUT, SEED_FILTER), [[-1 - 3 - 3, 3 + 2 + 1], [
    3 + 3 + 3,
    -3 - 1 + 1,
  ]]);
  assert.deepEqual(correlate1d([1, 4, 0, -2, 3], [2, -1, 3]), [-2, 2, 11]);
  assert.deepEqual(correlate1d([1, 2, 3], [1, 1], { padding: 1 }), [1, 3, 5, 3]);
  assert.deepEqual(correlate1d([1, 2, 3, 4, 5], [1, 1], { stride: 2 }), [3, 7]);
});

Deno.test("transposed and forward convolutions refuse stride 0, a negative padding, a kernel larger than the input and NaN", () => {
  throwsWith(
    () => transposedConv1d([1, 2], [1], { stride: 0 }),
    /^stride must be an integer ≥ 1; got 0$/,
  );
  throwsWith(
    () => transposedConv1d([1, 2], [1], { padding: -1 }),
    /^padding must be an integer ≥ 0; got -1$/,
  );
  throwsWith(
    () => transposedConv1d([1, 2], [1], { stride: NaN }),
    /^stride must be an integer ≥ 1; got NaN$/,
  );
  throwsWith(
    () => transposedConv2d(SEED_INPUT, SEED_FILTER, { padding: 2 }),
    /^padding 2 crops 2 cells from each end, but the full output has only 3: nothing is left \(padding must be at most 1 here\)$/,
  );
  throwsWith(
    () => correlate1d([1, 2], [1, 2, 3]),
    /^the filter \(3 taps\) is larger than the input \(2 cells\): there is no position where it fits$/,
  );
  throwsWith(() => correlate2d([[1, 2], [3]], [[1]]), /must be rectangular/);
  throwsWith(
    () => transposedConv2d([[1, NaN]], [[1]]),
    /^input row 1\[1\] must be a finite number; got NaN$/,
  );
});
