/**
 * The dropout-noise page's two small tables of expected losses at the teacher's weights w*: plain
 * against inverted masks (part 1), and the Gaussian noise's special cases (part 2). Each row is
 * computed from the closed forms in tikhonov.ts; the columns print them as the page does.
 */
import { num } from "../math.js";
import { textColumn } from "../csv.js";
import type { Regression } from "../../compute/regression.js";
import {
  dropoutExpectedLoss,
  expectedLoss,
  gaussianMatchingDropout,
  gaussianNoiseExpectedLoss,
  invertedDropoutExpectedLoss,
} from "../../compute/tikhonov.js";

const e3 = (v: number) => num(v, 3);

export interface MaskLossRow {
  masks: string;
  mean: number;
  variance: number;
  /** E loss at w*; for plain masks also at w* divided by p, where it equals the inverted masks at w*. */
  atStar: number;
  atScaled?: number;
}

export function maskLossRows(problem: Regression, wStar: number[], p: number): MaskLossRow[] {
  const scaled = wStar.map((v) => v / p);
  return [
    {
      masks: "plain R",
      mean: p,
      variance: p * (1 - p),
      atStar: dropoutExpectedLoss(problem, wStar, p).total,
      atScaled: dropoutExpectedLoss(problem, scaled, p).total,
    },
    {
      masks: "inverted R/p",
      mean: 1,
      variance: (1 - p) / p,
      atStar: invertedDropoutExpectedLoss(problem, wStar, p).total,
    },
  ];
}

export const MASK_LOSS_COLUMNS = [
  textColumn<MaskLossRow>("masks", (r) => r.masks),
  textColumn<MaskLossRow>("mean μ, variance σ²", (r) => `${e3(r.mean)}, ${e3(r.variance)}`),
  textColumn<MaskLossRow>("E loss at w*", (r) => e3(r.atStar)),
  textColumn<MaskLossRow>("E loss at w*/p", (r) => r.atScaled === undefined ? "" : e3(r.atScaled)),
];

export interface NoiseCaseRow {
  noise: string;
  loss: number;
  equals: string;
}

/** The sliders' noise, no noise, and the Gaussian noise with plain or inverted dropout's moments. */
export function noiseCaseRows(
  problem: Regression,
  wStar: number[],
  { mu, sigma, p }: { mu: number; sigma: number; p: number },
): NoiseCaseRow[] {
  const gaussian = (mean: number, sd: number) =>
    gaussianNoiseExpectedLoss(problem, wStar, mean, sd).total;
  const plain = gaussianMatchingDropout(p);
  const inverted = gaussianMatchingDropout(p, true);
  const noNoiseFit = expectedLoss(problem, wStar, { kind: "gaussian", mean: 1, sd: 0 }).fit;
  return [
    {
      noise: `your sliders (${num(mu, 2)}, ${num(sigma ** 2, 3)})`,
      loss: gaussian(mu, sigma),
      equals: "",
    },
    { noise: "none (1, 0)", loss: gaussian(1, 0), equals: `‖y − Xw*‖² = ${num(noNoiseFit, 3)}` },
    {
      noise: `plain dropout's (${num(plain.mean, 2)}, ${num(plain.sd ** 2, 3)})`,
      loss: gaussian(plain.mean, plain.sd),
      equals: `dropout, plain masks: ${num(dropoutExpectedLoss(problem, wStar, p).total, 3)}`,
    },
    {
      noise: `inverted dropout's (1, ${num(inverted.sd ** 2, 3)})`,
      loss: gaussian(inverted.mean, inverted.sd),
      equals: `dropout, inverted masks: ${
        num(invertedDropoutExpectedLoss(problem, wStar, p).total, 3)
      }`,
    },
  ];
}

export const NOISE_CASE_COLUMNS = [
  textColumn<NoiseCaseRow>("noise (μ, σ²)", (r) => r.noise),
  textColumn<NoiseCaseRow>("E loss at w*", (r) => num(r.loss, 3)),
  textColumn<NoiseCaseRow>("equals", (r) => r.equals),
];
