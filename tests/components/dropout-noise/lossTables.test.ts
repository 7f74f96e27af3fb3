import assert from "node:assert/strict";
import {
  MASK_LOSS_COLUMNS,
  maskLossRows,
  NOISE_CASE_COLUMNS,
  noiseCaseRows,
} from "../../../src/components/dropout-noise/lossTables.ts";
import { generateRegression } from "../../../src/compute/regression.ts";
import { dropoutExpectedLoss, gaussianNoiseExpectedLoss } from "../../../src/compute/tikhonov.ts";

const problem = generateRegression({ n: 50, d: 5, noise: 0.5, seed: 1 });
const wStar = Array.from(problem.wTrue);

Deno.test("maskLossRows(problem, w*, p): plain masks at w*/p equal inverted masks at w*", () => {
  const [plain, inverted] = maskLossRows(problem, wStar, 0.8);
  assert.equal(plain.atStar, dropoutExpectedLoss(problem, wStar, 0.8).total);
  assert.ok(Math.abs(plain.atScaled! / inverted.atStar - 1) < 1e-12);
  assert.deepEqual([plain.mean, inverted.mean], [0.8, 1]);
  assert.ok(Math.abs(plain.variance - 0.16) < 1e-15 && Math.abs(inverted.variance - 0.25) < 1e-15);
  const cells = MASK_LOSS_COLUMNS.map((c) => c.format(inverted));
  assert.deepEqual(cells.slice(0, 2), ["inverted R/p", "1.000, 0.250"]);
  assert.equal(cells[3], "");
});

Deno.test("noiseCaseRows(problem, w*, {μ, σ, p}): dropout's moments give dropout's loss", () => {
  const rows = noiseCaseRows(problem, wStar, { mu: 1, sigma: 0.5, p: 0.8 });
  assert.equal(rows[0].loss, gaussianNoiseExpectedLoss(problem, wStar, 1, 0.5).total);
  assert.ok(Math.abs(rows[2].loss / dropoutExpectedLoss(problem, wStar, 0.8).total - 1) < 1e-12);
  assert.deepEqual(NOISE_CASE_COLUMNS.map((c) => c.format(rows[2])).slice(0, 1), [
    "plain dropout's (0.80, 0.160)",
  ]);
  assert.match(rows[1].equals, /^‖y − Xw\*‖² = \d/);
});
