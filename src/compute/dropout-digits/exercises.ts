/**
 * Exercises for dropout on digits (homework 5, 5(i) and 6(c)): the page's own measures, computed by
 * hand on a handful of digits, and what the experiment shows. The measures come from
 * cheatingFeature.ts and digitRuns.ts, the functions the page uses.
 *
 * Each exercise exports its builder (parameters → instance) so that tests can build an instance
 * and check it against an independent count.
 */
import type { Exercise, ExerciseInstance } from "../exercise.js";
import {
  choiceInstance,
  fourFigures,
  intBetween,
  numericInstance,
  ONE_CHOICE,
  pageExercises,
} from "../exerciseSeeded.js";
import { createRng, type Rng } from "../prng.js";
import { DIGIT_CLASSES } from "../digitSet.js";
import { accuracyOf, type CheatView, followedShare } from "./cheatingFeature.js";
import { accuracyGap } from "./digitRuns.js";
import type { EpochRecord } from "./mlpTrainTf.js";
import { formatNumber, texVector } from "../exerciseFormat.js";

const PAGE = "dropout-digits";

// ---------------------------------------------------------------------------------------------

export interface TestDigits {
  labels: number[];
  /** The class each digit's (noise) cheating block names. */
  named: number[];
  predicted: number[];
}

/** A view of the digits for the page's measures: only labels and named classes are read. */
function viewOf({ labels, named }: TestDigits): CheatView {
  return {
    count: labels.length,
    set: { count: 0, pixels: new Uint8Array(0), labels: new Uint8Array(0) },
    indices: new Int32Array(labels.length),
    labels: Uint8Array.from(labels),
    named: Int8Array.from(named),
    strength: 1,
  };
}

/** Homework 5, 5(i): how much a trained network still follows the cheating block. */
export function cheatReliance(digits: TestDigits, seed = 0): ExerciseInstance {
  const view = viewOf(digits);
  const accuracy = accuracyOf(view, digits.predicted);
  const followed = followedShare(view, digits.predicted);
  const { labels, named, predicted } = digits;
  const count = labels.length;
  const misleading = labels.filter((l, i) => named[i] !== l).length;
  const followedCount = labels.filter((l, i) => named[i] !== l && predicted[i] === named[i]).length;
  const agreeing = labels.filter((_, i) => predicted[i] === named[i]).length;
  const right = labels.filter((l, i) => predicted[i] === l).length;
  return numericInstance(
    seed,
    `A network was trained on digits with a cheating block that names each training digit's ` +
      `label. On ${count} test digits the block names a random class instead. Labels: ` +
      `$${texVector(labels)}$; classes the blocks name: $${texVector(named)}$; predictions: ` +
      `$${
        texVector(predicted)
      }$. Give (test accuracy, share of the misleading blocks the network ` +
      `followed), where a block misleads when it names a class other than the label.`,
    "vector",
    [accuracy, followed],
    [
      {
        value: [accuracy, followedCount / count],
        hint: "Divide by the number of misleading blocks, not by every digit: a block that " +
          "names the right label cannot mislead.",
      },
      {
        value: [accuracy, agreeing / misleading],
        hint: "Count a prediction as following the block only where the block names a wrong " +
          "class; agreeing with a block that names the label is just being right.",
      },
    ],
    [
      `Accuracy: ${right} of ${count} predictions equal the label, $${right}/${count} = ` +
      `${formatNumber(accuracy)}$.`,
      `Of the ${count} blocks, ${count - misleading} ${
        count - misleading === 1 ? "names" : "name"
      } the label by chance; the other ${misleading} mislead.`,
      `The network predicted the named class on ${followedCount} of those ${misleading}: ` +
      `$${followedCount}/${misleading} = ${formatNumber(followed)}$.`,
    ],
  );
}

function drawDigits(rng: Rng): TestDigits {
  for (;;) {
    const count = intBetween(rng, 10, 14);
    const labels = Array.from({ length: count }, () => rng.int(DIGIT_CLASSES));
    const named = Array.from({ length: count }, () => rng.int(DIGIT_CLASSES));
    // The network follows the block on some digits, reads the pixels on most, errs on a few.
    const predicted = labels.map((l, i) => {
      const u = rng.uniform();
      if (u < 0.35) return named[i];
      if (u < 0.85) return l;
      return rng.int(DIGIT_CLASSES);
    });
    const digits = { labels, named, predicted };
    const view = viewOf(digits);
    const agreeing = labels.some((l, i) => named[i] === l);
    const followed = followedShare(view, predicted);
    const accuracy = accuracyOf(view, predicted);
    // At least one block that names the label (so the two counts differ) and non-zero answers.
    if (agreeing && followed > 0 && followed < 1 && accuracy > 0) return digits;
  }
}

export interface RunEnds {
  /** Last epoch without dropout and with it. */
  without: Pick<EpochRecord, "trainAccuracy" | "validationAccuracy">;
  with: Pick<EpochRecord, "trainAccuracy" | "validationAccuracy">;
}

const asRecord = (r: RunEnds["without"]): EpochRecord => ({ ...r, epoch: 0, meanLoss: null });

/** Homework 5, 6(c): dropout narrows the gap between training and validation accuracy. */
export function gapNarrowing(ends: RunEnds, seed = 0): ExerciseInstance {
  const gapOff = accuracyGap(asRecord(ends.without));
  const gapOn = accuracyGap(asRecord(ends.with));
  const narrowing = 100 * (gapOff - gapOn);
  const pct = (v: number) => formatNumber(100 * v);
  return numericInstance(
    seed,
    `At the end of training, the network without dropout scores ` +
      `$${pct(ends.without.trainAccuracy)}\\,\\%$ on its training digits and ` +
      `$${pct(ends.without.validationAccuracy)}\\,\\%$ on validation; with dropout it scores ` +
      `$${pct(ends.with.trainAccuracy)}\\,\\%$ and $${pct(ends.with.validationAccuracy)}\\,\\%$. ` +
      `By how many percentage points does dropout narrow the gap between training and ` +
      `validation accuracy?`,
    "number",
    narrowing,
    [
      {
        value: -narrowing,
        hint: "The gap is training minus validation accuracy; dropout makes it smaller, so the " +
          "narrowing is positive.",
      },
      {
        value: 100 * (ends.with.validationAccuracy - ends.without.validationAccuracy),
        hint: "That is how much validation accuracy rises; the gap also depends on the " +
          "training accuracy.",
      },
    ],
    [
      `Without dropout the gap is $${pct(ends.without.trainAccuracy)} - ` +
      `${pct(ends.without.validationAccuracy)} = ${pct(gapOff)}$ points.`,
      `With dropout it is $${pct(ends.with.trainAccuracy)} - ` +
      `${pct(ends.with.validationAccuracy)} = ${pct(gapOn)}$ points.`,
      `Dropout narrows it by $${
        formatNumber(narrowing)
      }$ points, and validation accuracy rises too: ` +
      `less overfitting.`,
    ],
  );
}

/**
 * End-of-training accuracies in tenths of a percent, made up for the exercise: the run without
 * dropout fits its training digits almost perfectly, the run with dropout less so but validates
 * better, which is the pattern the page measures.
 */
function drawEnds(rng: Rng): RunEnds {
  const tenth = (lo: number, hi: number) => intBetween(rng, lo, hi) / 1000;
  return {
    without: { trainAccuracy: tenth(985, 1000), validationAccuracy: tenth(600, 720) },
    with: { trainAccuracy: tenth(850, 950), validationAccuracy: tenth(740, 800) },
  };
}

/** Homework 5, 5(i): what dropout changes in the cheating-feature experiment. */
export function dropoutEffect(seed = 0): ExerciseInstance {
  return choiceInstance(
    seed,
    createRng(seed).fork(),
    `A network is trained on digits whose cheating block gives the label away; on test digits ` +
      `the block names a random class. Compared with training without dropout, what does ` +
      `dropout do?`,
    [
      `It raises clean test accuracy, and the network leans less on the block, though still heavily.`,
      `It makes the network ignore the block entirely.`,
      `It lowers clean test accuracy, because the network follows the block more.`,
      `Nothing measurable: the block decides every prediction either way.`,
    ],
    0,
    {
      1: "Dropout reduces the reliance but does not remove it: a misleading block still costs " +
        "the network with dropout a large share of its accuracy.",
      2: "Dropout spreads the work over more inputs, so the network leans less on the block, " +
        "not more, and clean accuracy rises.",
    },
    [
      `Dropping inputs at random means the block is sometimes missing in training, so the ` +
      `network must also learn from the pixels.`,
      `So clean test accuracy rises and a misleading block costs less, but the block stays a ` +
      `strong signal and the network still leans on it heavily.`,
    ],
  );
}

export const EXERCISES: readonly Exercise[] = pageExercises(PAGE, {
  "cheat-reliance": {
    title: "How often the network follows the cheating block",
    sources: [["homework-5", "5(i)"]],
    ...fourFigures("a vector such as [0.5833, 0.375]"),
    generate: (seed) => cheatReliance(drawDigits(createRng(seed)), seed),
  },
  "dropout-effect": {
    title: "What dropout changes on the digits",
    sources: [["homework-5", "5(i)"]],
    ...ONE_CHOICE,
    generate: (seed) => dropoutEffect(seed),
  },
  "gap-narrowing": {
    title: "The gap between training and validation",
    sources: [["homework-5", "6(c)"]],
    ...fourFigures("a number of percentage points such as 21.4"),
    generate: (seed) => gapNarrowing(drawEnds(createRng(seed)), seed),
  },
});
