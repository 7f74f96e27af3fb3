import assert from "node:assert/strict";
import {
  checkAnswer,
  parseChoice,
  parseMatrix,
  parseNumber,
  parseVector,
  withinClose,
  withinTolerance,
} from "../../src/compute/exerciseCheck.ts";
import type { Answer, ExerciseInstance, Slip } from "../../src/compute/exercise.ts";

const instance = (answer: Answer, slips: Slip[] = []): ExerciseInstance => ({
  seed: 0,
  prompt: "",
  answer,
  slips,
  solution: [],
});

const value = <T>(parsed: { ok: true; value: T } | { ok: false; problem: string }): T => {
  assert.ok(parsed.ok, parsed.ok ? "" : parsed.problem);
  return parsed.value;
};
const problem = (parsed: { ok: boolean; problem?: string }): string => {
  assert.equal(parsed.ok, false, "parsed, but should not have");
  return parsed.problem!;
};

Deno.test("parseNumber(text) reads decimals, signs, exponents, percentages, fractions and thousands", () => {
  assert.equal(value(parseNumber("12.5")), 12.5);
  assert.equal(value(parseNumber(" -3 ")), -3);
  assert.equal(value(parseNumber("−3")), -3);
  assert.equal(value(parseNumber("+.5")), 0.5);
  assert.equal(value(parseNumber("1e-3")), 0.001);
  assert.equal(value(parseNumber("2.5E2")), 250);
  assert.equal(value(parseNumber("0.5%")), 0.005);
  assert.equal(value(parseNumber("13/405")), 13 / 405);
  assert.equal(value(parseNumber("-2 / 3")), -2 / 3);
  assert.equal(value(parseNumber("213,504")), 213504);
  assert.equal(value(parseNumber("1,234,567.5")), 1234567.5);
});

Deno.test("parseNumber(text) names the problem: empty, not a number, 1/0, a list, an open bracket", () => {
  assert.match(problem(parseNumber("")), /empty/);
  assert.match(problem(parseNumber("   ")), /empty/);
  assert.match(problem(parseNumber("abc")), /“abc” is not a number/);
  assert.match(problem(parseNumber("1/0")), /divides by zero/);
  assert.match(problem(parseNumber("1/x")), /not a fraction/);
  assert.match(problem(parseNumber("[1, 2")), /never closed/);
  assert.match(problem(parseNumber("[1, 2]")), /one number, not a list/);
  assert.match(problem(parseNumber("1, 2")), /one number, not a list/);
  assert.match(problem(parseNumber("1e999")), /too large/);
  assert.match(problem(parseNumber("5 %%")), /not a percentage/);
});

Deno.test("parseVector(text, n) reads [2, -1, 3], (2, -1, 3), 2, -1, 3, 2 -1 3 and fractions", () => {
  for (
    const text of ["[2, -1, 3]", "(2, -1, 3)", "2, -1, 3", "2 -1 3", "[2; −1; 3]", " [ 2 ,-1,3 ] "]
  ) {
    assert.deepEqual(value(parseVector(text, 3)), [2, -1, 3], text);
  }
  assert.deepEqual(value(parseVector("[1/2, -7/3]", 2)), [1 / 2, -7 / 3]);
  assert.deepEqual(value(parseVector("[5]")), [5]);
});

Deno.test("parseVector(text, n) names the problem: empty, open bracket, wrong length, bad or empty entry, nesting", () => {
  assert.match(problem(parseVector("", 3)), /empty/);
  assert.match(problem(parseVector("[1, 2", 3)), /“\[” is never closed/);
  assert.match(problem(parseVector("1, 2]", 3)), /“\]” closes nothing/);
  assert.match(problem(parseVector("[1, 2)", 2)), /closed by/);
  assert.match(problem(parseVector("[1, 2]", 3)), /has 3 entries, this has 2 entries/);
  assert.match(problem(parseVector("[1]", 3)), /this has 1 entry$/);
  assert.match(problem(parseVector("[1, x, 3]", 3)), /entry 2: “x” is not a number/);
  assert.match(problem(parseVector("[1, , 3]", 3)), /entry 2 is empty/);
  assert.match(problem(parseVector("[1, 1/0, 3]", 3)), /entry 2: “1\/0” divides by zero/);
  assert.match(problem(parseVector("[[1, 2], [3]]", 3)), /brackets inside brackets/);
});

Deno.test("parseMatrix(text, shape) reads [[1, 2], [3, 4]], [1, 2; 3, 4] and rows on lines", () => {
  for (
    const text of ["[[1, 2], [3, 4]]", "[1, 2; 3, 4]", "1 2; 3 4", "[(1, 2), (3, 4)]", "1, 2\n3, 4"]
  ) {
    assert.deepEqual(value(parseMatrix(text, [2, 2])), [[1, 2], [3, 4]], text);
  }
  assert.deepEqual(value(parseMatrix("[[−1, 3, −2]]", [1, 3])), [[-1, 3, -2]]);
});

Deno.test("parseMatrix(text, shape) names the problem: ragged rows, wrong shape, open bracket, loose entries", () => {
  assert.match(
    problem(parseMatrix("[[1, 2], [3]]", [2, 2])),
    /row 2 has 1 entries but row 1 has 2/,
  );
  assert.match(problem(parseMatrix("[[1, 2], [3, 4]]", [3, 3])), /3 × 3 matrix, this is 2 × 2/);
  assert.match(problem(parseMatrix("[[1, 2], [3, 4]", [2, 2])), /never closed/);
  assert.match(problem(parseMatrix("[[1, 2], 3, [4, 5]]", [2, 2])), /inside a row's brackets/);
  assert.match(
    problem(parseMatrix("[[1, a], [3, 4]]", [2, 2])),
    /row 1, entry 2: “a” is not a number/,
  );
  assert.match(problem(parseMatrix("", [2, 2])), /empty/);
  assert.match(problem(parseMatrix("[[[1]]]", [1, 1])), /two levels of brackets/);
});

Deno.test("parseChoice(text, n) reads a letter, in either case and with brackets, and refuses others", () => {
  assert.equal(value(parseChoice("b", 3)), 1);
  assert.equal(value(parseChoice(" (C) ", 3)), 2);
  assert.match(problem(parseChoice("", 3)), /no option is chosen/);
  assert.match(
    problem(parseChoice("d", 3)),
    /“d” is not one of the options: choose a letter from a to c/,
  );
  assert.match(problem(parseChoice("abc", 3)), /not one of the options/);
});

Deno.test("withinTolerance(typed, answer, tol) is entry by entry; relative scales with each entry", () => {
  assert.ok(withinTolerance(100.4, 100, { relative: 0.005 }));
  assert.ok(!withinTolerance(100.6, 100, { relative: 0.005 }));
  assert.ok(withinTolerance([0, 10.04], [0, 10], { relative: 0.005 }));
  assert.ok(!withinTolerance([0.01, 10], [0, 10], { relative: 0.005 }));
  assert.ok(withinTolerance([0.0009, 10], [0, 10], { absolute: 0.001 }));
  assert.ok(withinTolerance(0, 1e-17, { relative: 0.001 }), "floating noise on an exact 0");
  assert.ok(!withinTolerance([1, 2], [[1, 2]], { absolute: 1 }), "shapes differ");
});

Deno.test("withinClose(typed, answer) is within 10 % of the answer's largest entry", () => {
  assert.ok(withinClose(109, 100));
  assert.ok(!withinClose(111, 100));
  assert.ok(withinClose([0.9, 10], [0, 10]));
  assert.ok(!withinClose([1.1, 10], [0, 10]));
});

const number = instance(
  { kind: "number", value: 112, tolerance: { absolute: 0.5 } },
  [{ value: 108, hint: "That leaves out the 4 biases." }, {
    value: 48,
    hint: "That forgets C_in.",
  }],
);

Deno.test("checkAnswer(number, typed): correct, close, a close slip, a far slip, wrong, malformed", () => {
  assert.deepEqual(checkAnswer(number, "112"), { verdict: "correct", message: "Correct." });
  assert.equal(checkAnswer(number, "112.4").verdict, "correct");
  assert.equal(checkAnswer(number, "115").verdict, "close");
  assert.match(checkAnswer(number, "115").message, /within 10 %/);
  assert.deepEqual(checkAnswer(number, "108"), {
    verdict: "close",
    message: "Close, but not right. That leaves out the 4 biases.",
  });
  assert.deepEqual(checkAnswer(number, "48"), {
    verdict: "wrong",
    message: "Not right. That forgets C_in.",
  });
  assert.equal(checkAnswer(number, "200").verdict, "wrong");
  const malformed = checkAnswer(number, "abc");
  assert.equal(malformed.verdict, "malformed");
  assert.match(malformed.message, /^“abc” is not a number/);
  assert.doesNotMatch(malformed.message, /wrong|not right/i);
});

const vector = instance(
  { kind: "vector", value: [2, -1, 3], tolerance: { absolute: 0.001 } },
  [{ value: [3, -1, 2], hint: "That is the filter reversed." }],
);

Deno.test("checkAnswer(vector, typed): counts the entries right, names a slip, refuses the wrong length", () => {
  assert.equal(checkAnswer(vector, "2, -1, 3").verdict, "correct");
  assert.equal(
    checkAnswer(vector, "[3, -1, 2]").message,
    "Not right. That is the filter reversed.",
  );
  assert.deepEqual(checkAnswer(vector, "[2, 5, 3]"), {
    verdict: "wrong",
    message: "Not right. 2 of 3 entries are right. Check each step, or show the worked solution.",
  });
  assert.equal(checkAnswer(vector, "[2, -1.2, 3]").verdict, "close");
  assert.deepEqual(checkAnswer(vector, "[2, -1]"), {
    verdict: "malformed",
    message: "The answer has 3 entries, this has 2 entries.",
  });
});

Deno.test("checkAnswer(matrix, typed): accepts both forms, refuses ragged rows with a message", () => {
  const matrix = instance({
    kind: "matrix",
    value: [[-1, 3, -2], [3, -3, 1], [0, 3, 1]],
    tolerance: { absolute: 0.001 },
  });
  assert.equal(checkAnswer(matrix, "[[-1, 3, -2], [3, -3, 1], [0, 3, 1]]").verdict, "correct");
  assert.equal(checkAnswer(matrix, "-1 3 -2; 3 -3 1; 0 3 1").verdict, "correct");
  const ragged = checkAnswer(matrix, "[[-1, 3, -2], [3, -3], [0, 3, 1]]");
  assert.equal(ragged.verdict, "malformed");
  assert.match(ragged.message, /^Row 2 has 2 entries but row 1 has 3/);
});

Deno.test("checkAnswer(choice, typed): the right letter, a named wrong one, another, a malformed one", () => {
  const choice = instance(
    { kind: "choice", options: ["over the batch", "over the features", "over both"], correct: 0 },
    [{ value: 1, hint: "That is layer norm's axis." }],
  );
  assert.equal(checkAnswer(choice, "a").verdict, "correct");
  assert.deepEqual(checkAnswer(choice, "b"), {
    verdict: "wrong",
    message: "Not this one. That is layer norm's axis.",
  });
  assert.equal(checkAnswer(choice, "c").verdict, "wrong");
  assert.equal(checkAnswer(choice, "").verdict, "malformed");
  assert.equal(checkAnswer(choice, "z").verdict, "malformed");
});
