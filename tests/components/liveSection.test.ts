import assert from "node:assert/strict";
import { outcomeProblem } from "../../src/components/liveSection.ts";

Deno.test("outcomeProblem: finite values within bounds and accuracy above chance are a result", () => {
  assert.equal(outcomeProblem({ values: [0.5, -3, 1e5], accuracy: 0.11, chance: 0.1 }), undefined);
  assert.equal(outcomeProblem({}), undefined);
});

Deno.test("outcomeProblem: NaN and infinity are errors, named by what they are", () => {
  assert.deepEqual(outcomeProblem({ values: [1, NaN], what: "the loss" }), {
    message: "the loss became NaN (not a number): the run broke down",
    severity: "error",
  });
  assert.deepEqual(outcomeProblem({ values: [-Infinity] }), {
    message: "a computed value became infinite: the run diverged",
    severity: "error",
  });
});

Deno.test("outcomeProblem: a value past divergedAbove (default 10⁶) is a divergence", () => {
  assert.equal(outcomeProblem({ values: [1e6] }), undefined);
  assert.deepEqual(outcomeProblem({ values: [2e6], what: "a coordinate" }), {
    message: "a coordinate passed 1 × 10⁶: the run diverged",
    severity: "error",
  });
  assert.equal(outcomeProblem({ values: [50], divergedAbove: 10 })?.severity, "error");
});

Deno.test("outcomeProblem: accuracy at or below chance is a warning (the numbers are real)", () => {
  assert.deepEqual(outcomeProblem({ accuracy: 0.048, chance: 0.1 }), {
    message: "accuracy 4.8 % is no better than chance (10.0 %): the run did not learn",
    severity: "warning",
  });
  assert.equal(outcomeProblem({ accuracy: 0.1, chance: 0.1 })?.severity, "warning");
  assert.equal(outcomeProblem({ accuracy: NaN, chance: 0.1 })?.severity, "warning");
});
