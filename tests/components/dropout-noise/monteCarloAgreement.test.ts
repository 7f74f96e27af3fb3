import assert from "node:assert/strict";
import { generateRegression } from "../../../src/compute/regression.ts";
import { dropoutExpectedLoss, gaussianNoiseExpectedLoss } from "../../../src/compute/tikhonov.ts";
import { lossSampler, monteCarloMean } from "../../../src/compute/monteCarlo.ts";
import { createRng } from "../../../src/compute/prng.ts";
import { agreementText } from "../../../src/components/dropout-noise/monteCarloAgreement.ts";
import { significant } from "../../../src/components/math.ts";

Deno.test("agreementText: a mean with spread is so many standard errors from the exact value", () => {
  assert.equal(
    agreementText({ count: 2000, mean: 10.5, standardError: 0.25 }, 10),
    "2000 draws: mean 10.5 ± 0.25 against the exact 10, 2.0 standard errors apart",
  );
  assert.equal(significant(123456, 3), "1.23 × 10⁵");
  assert.equal(significant(0.5000000000000002, 5), "0.5");
});

Deno.test("agreementText at keep probability 1 and at σ = 0: no NaN, the draws do not vary and equal the exact value", () => {
  const problem = generateRegression({ n: 50, d: 5, noise: 0.5, seed: 1 });
  const w = Array.from(problem.wTrue);
  const cases = [
    {
      model: { kind: "bernoulli", keep: 1, inverted: false },
      exact: dropoutExpectedLoss(problem, w, 1).total,
    },
    {
      model: { kind: "bernoulli", keep: 1, inverted: true },
      exact: dropoutExpectedLoss(problem, w, 1).total,
    },
    {
      model: { kind: "gaussian", mean: 1, sd: 0 },
      exact: gaussianNoiseExpectedLoss(problem, w, 1, 0).total,
    },
  ] as const;
  for (const { model, exact } of cases) {
    const stats = monteCarloMean(lossSampler(problem, w, model, createRng(3)), 1000);
    assert.equal(stats.standardError, 0);
    const text = agreementText(stats, exact);
    assert.doesNotMatch(text, /NaN|standard errors apart/);
    assert.match(
      text,
      /^1000 draws, all the same: this noise does not vary the loss, every draw gives [\d.]+, and the exact value is [\d.]+ \((identical|relative difference .* × 10⁻1[3-6], rounding)\)$/,
    );
  }
});
