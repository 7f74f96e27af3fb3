/**
 * Part 3's terms and sentences, word for word against the code the page used to build them inline
 * (copied here verbatim as the oracle), for both ε the page offers and for the batches that take
 * each branch: the default batch, a batch of one, one and two constant columns, a single column.
 */
import assert from "node:assert/strict";
import {
  backwardCheckSentence,
  backwardTerms,
  batchNotes,
  forwardTerms,
  rounded,
} from "../../../src/components/normalisation/backwardText.ts";
import { num, sciText } from "../../../src/components/math.ts";
import { backwardCheck } from "../../../src/compute/normalisation/liveChecks.ts";
import { DEFAULT_BATCH } from "../../../src/compute/normalisation/backwardExample.ts";
import { TFJS_EPSILON, TORCH_EPSILON } from "../../../src/compute/epsilons.ts";

const FD_STEP = 1e-5;
const BATCHES = [
  DEFAULT_BATCH.map((row) => [...row]),
  [[0.3, -1.2, 2]],
  [[1, 5, 2], [1, -3, 4], [1, 0.5, 9]],
  [[2, 7, 1], [2, 7, -1]],
  [[0.1], [0.2], [-4]],
  [[1e-4, 3e5], [-2e-4, 1e5], [3e-4, -7e5], [0, 1]],
];
const oldRounded = (
  m: number[] | number[][],
) => (Array.isArray(m[0])
  ? (m as number[][]).map((row) => row.map((v) => Number(v.toPrecision(3))))
  : (m as number[]).map((v) => Number(v.toPrecision(3))));

Deno.test("forwardTerms(bn), backwardTerms(bn), batchNotes(bn, eps), backwardCheckSentence(bn, fdStep): as the page built them", () => {
  let ones = 0, constants = 0;
  for (const eps of [String(TFJS_EPSILON), String(TORCH_EPSILON)]) {
    const epsilon = Number(eps);
    for (const x of BATCHES) {
      const bn = backwardCheck(x, epsilon, FD_STEP);
      assert.deepEqual(forwardTerms(bn), [
        ["μ", oldRounded(bn.pass.mean)],
        ["σ² (biased, ÷ n)", oldRounded(bn.pass.variance)],
        [
          "unbiased (÷ (n − 1))",
          bn.n > 1 ? oldRounded(bn.pass.unbiasedVariance) : bn.pass.variance.map(() => "–"),
        ],
        ["Z", oldRounded(bn.pass.z)],
        ["Y", oldRounded(bn.pass.y)],
      ]);
      assert.deepEqual(backwardTerms(bn), [
        ["dY", bn.dY],
        ["∂L/∂Z", oldRounded(bn.pass.dZ)],
        ["∂L/∂μ", oldRounded(bn.pass.dMean)],
        ["∂L/∂σ²", oldRounded(bn.pass.dVariance)],
        ["∂L/∂γ", oldRounded(bn.pass.dGamma)],
        ["∂L/∂β", oldRounded(bn.pass.dBeta)],
        ["(a)", oldRounded(bn.pass.dXViaZ)],
        ["(b)", oldRounded(bn.pass.dXViaMean)],
        ["(c)", oldRounded(bn.pass.dXViaVariance)],
        ["∂L/∂X", oldRounded(bn.closed)],
      ]);
      const expected = [
        ...(bn.n === 1
          ? [
            `A batch of one: every column's variance is 0, so Z = 0/√ε = 0 and Y = β whatever X is. This is fine only because ε = ${eps} > 0 keeps the division finite, and the gradient that reaches X is exactly 0, as in part 2.`,
          ]
          : []),
        ...(bn.n > 1 && bn.constant.length
          ? [
            `Column ${
              bn.constant.join(" and ")
            } is constant: its variance is 0, so its Z is 0/√ε = 0 and its Y is β. Its gradient is not 0, though: nudging one entry moves it off the mean while the variance changes only to second order, so the column's ∂L/∂X is γⱼ/√ε times the centred dY, ${
              bn.constant.map((j) =>
                `${num(bn.params.gamma[j - 1] / Math.sqrt(epsilon), 1)} times for column ${j}`
              ).join(" and ")
            }.`,
          ]
          : []),
      ];
      assert.deepEqual(batchNotes(bn, eps), expected);
      if (bn.n === 1) ones++;
      if (bn.n > 1 && bn.constant.length) constants++;
      assert.equal(
        backwardCheckSentence(bn, FD_STEP),
        `Checked in double precision: the closed form and the edge-by-edge sum (a) + (b) + (c) differ by ${
          sciText(bn.chainGap)
        }, and central differences of L (h = ${sciText(FD_STEP, 1)}) by ${
          sciText(bn.fdGap)
        }, relative to the largest term (a).`,
      );
    }
  }
  // Both notes are exercised, and two constant columns read "Column 1 and 2".
  assert.ok(ones > 0 && constants > 0);
  assert.match(
    batchNotes(backwardCheck([[2, 7, 1], [2, 7, -1]], TFJS_EPSILON, FD_STEP), "0.001")[0],
    /^Column 1 and 2 is constant/,
  );
});

Deno.test("rounded(m): three significant digits, vector or matrix", () => {
  assert.deepEqual(rounded([1.23456, -0.000123456, 98765]), [1.23, -0.000123, 98800]);
  assert.deepEqual(rounded([[1.23456], [2.5e-9]]), [[1.23], [2.5e-9]]);
});
