import assert from "node:assert/strict";
import {
  correlateValid,
  describeSolution,
  filterSystem,
  slidingWindows,
  solveFilter,
} from "../../../src/compute/convolution/filterRecovery.ts";
import { createRng } from "../../../src/compute/prng.ts";

const SEED_SIGNAL = [1, 4, 0, -2, 3];
const SEED_OUTPUT = [-2, 2, 11];

const throwsWith = (fn: () => unknown, pattern: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof RangeError && pattern.test(e.message));

Deno.test("filterSystem([1, 4, 0, −2, 3], [−2, 2, 11]) is the seed's 3 × 3 system, one window per row", () => {
  const system = filterSystem(SEED_SIGNAL, SEED_OUTPUT);
  assert.equal(system.taps, 3);
  assert.deepEqual(system.matrix, [[1, 4, 0], [4, 0, -2], [0, -2, 3]]);
});

Deno.test("solveFilter([1, 4, 0, −2, 3], [−2, 2, 11]) is the seed's filter [2, −1, 3], exactly, with det −52", () => {
  const solution = solveFilter(SEED_SIGNAL, SEED_OUTPUT);
  assert.equal(solution.kind, "unique");
  if (solution.kind !== "unique") return;
  assert.deepEqual(solution.filter, [2, -1, 3]);
  assert.deepEqual(solution.exact, ["2", "-1", "3"]);
  assert.equal(solution.determinant, "-52");
  assert.equal(solution.rank, 3);
  assert.deepEqual(correlateValid(SEED_SIGNAL, solution.filter), SEED_OUTPUT);
  assert.equal(
    describeSolution(solution),
    "The determinant of the system is −52, not 0, so exactly one filter fits: (2, −1, 3).",
  );
});

Deno.test("correlateValid(signal, [2, −1, 3]) gives the seed's output [−2, 2, 11] (no flip)", () => {
  assert.deepEqual(correlateValid(SEED_SIGNAL, [2, -1, 3]), [-2, 2, 11]);
  // Flipping the filter (true convolution) gives something else: the convention matters here.
  assert.notDeepEqual(correlateValid(SEED_SIGNAL, [3, -1, 2]), [-2, 2, 11]);
});

Deno.test("solveFilter on a constant signal (singular, consistent): no unique answer, and the message says why", () => {
  const solution = solveFilter([1, 1, 1, 1, 1], [3, 3, 3]);
  assert.equal(solution.kind, "many");
  if (solution.kind !== "many") return;
  assert.equal(solution.determinant, "0");
  assert.equal(solution.rank, 1);
  // The invisible filter gives 0 on every window; the particular one fits.
  assert.deepEqual(correlateValid([1, 1, 1, 1, 1], solution.invisible), [0, 0, 0]);
  assert.deepEqual(correlateValid([1, 1, 1, 1, 1], solution.filter), [3, 3, 3]);
  const message = describeSolution(solution);
  assert.match(message, /^The determinant of the system is 0: /);
  assert.match(message, /the filter \(1, −1, 0\) gives 0 on every window of this signal/);
  assert.match(
    message,
    /There is no unique answer: \(3, 0, 0\) is one of infinitely many \(the rank is 1, not 3\)\./,
  );
});

Deno.test("solveFilter on [1, 0, 1, 0, 1] with outputs [1, 2, 3] (singular, inconsistent): no filter, y₁ − y₃ = 0 is broken", () => {
  const signal = [1, 0, 1, 0, 1];
  const solution = solveFilter(signal, [1, 2, 3]);
  assert.equal(solution.kind, "none");
  if (solution.kind !== "none") return;
  assert.equal(solution.determinant, "0");
  assert.deepEqual(solution.relation, [1, 0, -1]);
  assert.equal(solution.mismatch, "-2");
  // The relation holds for every filter's output: check it on random filters.
  const rng = createRng(4);
  for (let trial = 0; trial < 20; trial++) {
    const y = correlateValid(signal, [rng.normal(), rng.normal(), rng.normal()]);
    assert.ok(Math.abs(y[0] - y[2]) < 1e-12);
  }
  assert.equal(
    describeSolution(solution),
    "The determinant of the system is 0: the windows of the signal are linked, so every filter's outputs satisfy y1 − y3 = 0. These outputs give −2, so no filter produces them.",
  );
  // With outputs that respect the relation the same signal has infinitely many answers.
  assert.equal(solveFilter(signal, [1, 2, 1]).kind, "many");
});

Deno.test("solveFilter reads decimals exactly: [0.1, 0.2, 0.3, 0.4, 0.5] is singular (not det ≈ 1e-18)", () => {
  const signal = [0.1, 0.2, 0.3, 0.4, 0.5];
  const many = solveFilter(signal, [1, 2, 3]);
  assert.equal(many.kind, "many");
  assert.equal(many.determinant, "0");
  assert.equal(many.rank, 2);
  const none = solveFilter(signal, [1, 2, 4]);
  assert.equal(none.kind, "none");
  if (none.kind === "none") {
    assert.deepEqual(none.relation, [1, -2, 1]);
    assert.equal(none.mismatch, "1");
  }
});

Deno.test("solveFilter gives fractions exactly: [2, 1, 0, 3, 0] and [1, 0, 1] need (1/3, 1/3, −1/9)", () => {
  const solution = solveFilter([2, 1, 0, 3, 0], [1, 0, 1]);
  assert.equal(solution.kind, "unique");
  if (solution.kind !== "unique") return;
  assert.deepEqual(solution.exact, ["1/3", "1/3", "-1/9"]);
  assert.equal(solution.determinant, "-18");
  correlateValid([2, 1, 0, 3, 0], solution.filter).forEach((v, j) =>
    assert.ok(Math.abs(v - [1, 0, 1][j]) < 1e-15)
  );
});

Deno.test("solveFilter recovers 200 random integer filters exactly whenever det ≠ 0", () => {
  const rng = createRng(11);
  let unique = 0;
  for (let trial = 0; trial < 200; trial++) {
    const signal = Array.from({ length: 5 }, () => rng.int(11) - 5);
    const filter = Array.from({ length: 3 }, () => rng.int(11) - 5);
    const solution = solveFilter(signal, correlateValid(signal, filter));
    if (solution.determinant !== "0") {
      unique++;
      assert.equal(solution.kind, "unique");
      assert.deepEqual(solution.filter, filter);
    } else assert.equal(solution.kind, "many", `${signal}: a true filter exists`);
  }
  assert.ok(unique > 150);
});

Deno.test("solveFilter on non-square systems: 4 outputs of a 2-tap filter (over-determined), 2 outputs of a 4-tap one (under)", () => {
  const signal = [1, 4, 0, -2, 3];
  const over = solveFilter(signal, correlateValid(signal, [2, -1]));
  assert.equal(over.kind, "unique");
  assert.equal(over.determinant, undefined);
  if (over.kind === "unique") assert.deepEqual(over.filter, [2, -1]);
  const broken = solveFilter(signal, [-2, 8, 2, 0]);
  assert.equal(broken.kind, "none");
  const under = solveFilter(signal, correlateValid(signal, [1, 0, 2, 1]));
  assert.equal(under.kind, "many");
  assert.equal(under.rank, 2);
});

Deno.test("slidingWindows(signal, filter): output j uses inputs j … j+k−1 with taps 0 … k−1", () => {
  const steps = slidingWindows(SEED_SIGNAL, [2, -1, 3]);
  assert.deepEqual(steps.map((s) => s.value), SEED_OUTPUT);
  assert.deepEqual(steps[1].terms, [
    { input: 1, tap: 0, product: 8 },
    { input: 2, tap: 1, product: -0 },
    { input: 3, tap: 2, product: -6 },
  ]);
  for (const step of steps) {
    assert.equal(step.terms.reduce((s, t) => s + t.product, 0), step.value);
  }
});

Deno.test("solveFilter and correlateValid refuse bad inputs with messages that say what is wrong", () => {
  throwsWith(
    () => solveFilter([1, 2], [1, 2, 3]),
    /^the output has 3 entries but the signal only 2/,
  );
  throwsWith(() => solveFilter([1, NaN, 3], [1]), /^signal\[1\] must be a finite number; got NaN$/);
  throwsWith(() => solveFilter([1, 2, 3], []), /^output must be a non-empty array/);
  throwsWith(
    () => correlateValid([1, 2], [1, 2, 3]),
    /filter \(3 taps\) is longer than the signal \(2 cells\)/,
  );
});
