import assert from "node:assert/strict";
import {
  batchNormGaussian1d,
  standardNormals,
} from "../../../src/compute/normalisation-geometry/gaussianBatchNorm.ts";
import {
  batchesFor,
  NORMALS_1D,
} from "../../../src/compute/normalisation-geometry/geometryPage.ts";
import {
  outputShape,
  TWO_BATCH_SETTING,
} from "../../../src/compute/normalisation-geometry/predictions.ts";

/** The page's draws (its bn1d cell) at the card's setting, for one seed and batch size. */
function pageOutputs(seed: number, batch: number = TWO_BATCH_SETTING.batch) {
  const { mean, variance, beta, gamma } = TWO_BATCH_SETTING;
  const normals = standardNormals(seed, NORMALS_1D);
  return batchNormGaussian1d({
    mean,
    variance,
    beta,
    gamma,
    batchSize: batch,
    batches: batchesFor(batch),
    seed,
    normals,
  }).y;
}

Deno.test("outputShape(y, β, γ): single, two or many values, with the counts at β ∓ γ", () => {
  assert.deepEqual(outputShape([2, 4, 4, 2, 2], 3, 1), {
    option: "two",
    below: 3,
    above: 2,
    count: 5,
  });
  assert.deepEqual(outputShape([3, 3], 3, 1), { option: "single", below: 0, above: 0, count: 2 });
  assert.deepEqual(outputShape([2, 4, 3.5], 3, 1), {
    option: "many",
    below: 1,
    above: 1,
    count: 3,
  });
  // 2 % off β + γ is another value.
  assert.equal(outputShape([2, 4 * 1.02], 3, 1).option, "many");
});

Deno.test("the two-batch card at its setting: the page's outputs are only β − γ and β + γ, half each", () => {
  const { beta, gamma } = TWO_BATCH_SETTING;
  const y = pageOutputs(TWO_BATCH_SETTING.seed);
  const outcome = outputShape(y, beta, gamma);
  assert.equal(outcome.option, "two");
  // In a batch of two one value is above the batch mean and one below.
  assert.equal(outcome.below, outcome.above);
  assert.equal(outcome.count, y.length);
  // A batch of three already spreads.
  assert.equal(outputShape(pageOutputs(TWO_BATCH_SETTING.seed, 3), beta, gamma).option, "many");
});

Deno.test("the two-batch card's answer holds on 20 seeds (new draws)", () => {
  for (let seed = 0; seed < 20; seed++) {
    const { beta, gamma } = TWO_BATCH_SETTING;
    assert.equal(outputShape(pageOutputs(seed), beta, gamma).option, "two", `seed ${seed}`);
  }
});
