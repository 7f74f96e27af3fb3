/**
 * What the dropout-digits page claims about its precomputed runs, stated once: the page lists
 * each claim with whether the runs bear it out, the loader test holds the build's runs to every
 * one, and the browser test reads the page's list. Homework 5 states two of them in words (5(i):
 * dropout raises clean test accuracy and the network leans less, though still heavily, on the
 * cheating feature; 6(c): dropout narrows the gap between training and validation accuracy and
 * raises validation accuracy); the bands are ours, for this network and these digits.
 */
import { accuracyGap, cheatDrop, type DigitRun } from "./digitRuns.js";

/** Clean test accuracy (the cheating block is noise) that every seed's run lands in. */
export const DIGIT_BANDS = {
  withoutDropout: [0.65, 0.75],
  withDropout: [0.75, 0.8],
} as const;

/** With dropout a noisy block still costs at least this much test accuracy on every seed. */
export const STILL_LEANS = 0.15;

/** With the block blank, the two networks' test accuracies differ by less than this. */
export const BLANK_CLOSE = 0.03;

/**
 * Without dropout the validation accuracy ends at least this far below its best epoch; with
 * dropout it ends within this of its best.
 */
export const FALL = 0.03;

export interface DigitClaim {
  id: string;
  /** The claim, for the reader. */
  text: string;
  /** Where the course states it, when it does. */
  source?: string;
  holds: boolean;
  /** The numbers behind the verdict. */
  detail: string;
}

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
const points = (v: number) => `${(100 * v).toFixed(1)} points`;
const last = (run: DigitRun) => run.epochs[run.epochs.length - 1];
const bestValidation = (run: DigitRun) => Math.max(...run.epochs.map((e) => e.validationAccuracy));
/** How far the validation accuracy ended below its best epoch. */
const fallFromBest = (run: DigitRun) => bestValidation(run) - last(run).validationAccuracy;

/** Seeds paired up: the run without dropout and the run with it, seed for seed. */
function pairs(without: readonly DigitRun[], withDropout: readonly DigitRun[]) {
  if (without.length === 0 || without.length !== withDropout.length) {
    throw new RangeError("digitClaims needs the same non-empty list of seeds in both conditions");
  }
  return without.map((off, i) => {
    const on = withDropout[i];
    if (on.seed !== off.seed) throw new RangeError(`seed ${off.seed} has no run with dropout`);
    return { seed: off.seed, off, on };
  });
}

function rangeText(values: number[], show: (v: number) => string): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? show(lo) : `${show(lo)} to ${show(hi)}`;
}

export function digitClaims(
  without: readonly DigitRun[],
  withDropout: readonly DigitRun[],
): DigitClaim[] {
  const seeds = pairs(without, withDropout);
  const n = seeds.length;
  const every = (f: (p: typeof seeds[number]) => boolean) => seeds.every(f);
  const inBand = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;
  const noiseOff = seeds.map((p) => p.off.test.noise);
  const noiseOn = seeds.map((p) => p.on.test.noise);
  const gain = seeds.map((p) => p.on.test.noise - p.off.test.noise);
  const dropOff = seeds.map((p) => cheatDrop(p.off.test));
  const dropOn = seeds.map((p) => cheatDrop(p.on.test));
  const gapOff = seeds.map((p) => accuracyGap(last(p.off)));
  const gapOn = seeds.map((p) => accuracyGap(last(p.on)));
  const valGain = seeds.map((p) => last(p.on).validationAccuracy - last(p.off).validationAccuracy);
  const blankDiff = seeds.map((p) => Math.abs(p.on.test.blank - p.off.test.blank));
  const fallOff = seeds.map((p) => fallFromBest(p.off));
  const fallOn = seeds.map((p) => fallFromBest(p.on));
  const bestOff = seeds.map((p) => bestValidation(p.off));
  const bestOn = seeds.map((p) => bestValidation(p.on));
  const [offLo, offHi] = DIGIT_BANDS.withoutDropout;
  const [onLo, onHi] = DIGIT_BANDS.withDropout;
  return [
    {
      id: "band-without",
      text: `Without dropout, the clean test accuracy of every seed lies between ${
        pct(offLo)
      } and ${pct(offHi)}.`,
      holds: noiseOff.every((v) => inBand(v, DIGIT_BANDS.withoutDropout)),
      detail: `${rangeText(noiseOff, pct)} over ${n} seeds`,
    },
    {
      id: "band-with",
      text: `With dropout, it lies between ${pct(onLo)} and ${pct(onHi)}.`,
      holds: noiseOn.every((v) => inBand(v, DIGIT_BANDS.withDropout)),
      detail: `${rangeText(noiseOn, pct)} over ${n} seeds`,
    },
    {
      id: "higher",
      text: "Dropout raises the clean test accuracy, on every seed.",
      source: "5(i)",
      holds: every((p) => p.on.test.noise > p.off.test.noise),
      detail: `up by ${rangeText(gain, points)}`,
    },
    {
      id: "leans-less",
      text:
        "Dropout makes the network lean less on the cheating feature: a noisy block costs it less accuracy than an honest one, on every seed.",
      source: "5(i)",
      holds: every((p) => cheatDrop(p.on.test) < cheatDrop(p.off.test)),
      detail: `cost ${rangeText(dropOn, points)} with dropout, ${
        rangeText(dropOff, points)
      } without`,
    },
    {
      id: "still-leans",
      text: `It still leans heavily on it: with dropout a noisy block costs more than ${
        points(STILL_LEANS)
      }, on every seed.`,
      source: "5(i)",
      holds: dropOn.every((v) => v > STILL_LEANS),
      detail: `cost ${rangeText(dropOn, points)} with dropout`,
    },
    {
      id: "gap",
      text:
        "Dropout narrows the gap between training and validation accuracy after the last epoch, on every seed.",
      source: "6(c)",
      holds: every((p) => accuracyGap(last(p.on)) < accuracyGap(last(p.off))),
      detail: `gap ${rangeText(gapOn, points)} with dropout, ${rangeText(gapOff, points)} without`,
    },
    {
      id: "validation",
      text: "Dropout raises the validation accuracy after the last epoch, on every seed.",
      source: "6(c)",
      holds: every((p) => last(p.on).validationAccuracy > last(p.off).validationAccuracy),
      detail: `up by ${rangeText(valGain, points)}`,
    },
    {
      id: "falls",
      text: `Without dropout, the validation accuracy ends more than ${
        points(FALL)
      } below its best epoch, on every seed: the longer the network trains, the more it trusts the block.`,
      holds: fallOff.every((v) => v > FALL),
      detail: `${rangeText(fallOff, points)} below`,
    },
    {
      id: "holds",
      text: `With dropout, it ends within ${points(FALL)} of its best epoch, on every seed.`,
      holds: fallOn.every((v) => v < FALL),
      detail: `${rangeText(fallOn, points)} below`,
    },
    {
      id: "early-stop",
      text:
        "Stopped at its best epoch, the network without dropout would have done at least as well on validation digits as the one with dropout at its best, on every seed: here early stopping is as good a remedy.",
      holds: every((p) => bestValidation(p.off) >= bestValidation(p.on)),
      detail: `best ${rangeText(bestOff, pct)} without dropout, ${rangeText(bestOn, pct)} with`,
    },
    {
      id: "blank",
      text: `With the block left blank, the two networks score within ${
        points(BLANK_CLOSE)
      } of each other: what dropout changes is how far the network trusts the block, not how well it reads the pixels.`,
      holds: blankDiff.every((v) => v < BLANK_CLOSE),
      detail: `${rangeText(blankDiff, points)} apart`,
    },
  ];
}
