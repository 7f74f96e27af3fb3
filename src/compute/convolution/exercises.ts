/**
 * The convolution page's exercises: one per course result, each a seeded generator. Data are
 * small integers, as in the course; answers come from the functions the page draws with
 * (solveFilter, transposedConv1d, transposedConv2d and the parameter counts), and each slip is a
 * mistake readers make: a flipped filter, overlaps not added, a forgotten bias, one path counted
 * instead of all of them.
 */
import type { Exercise, Tolerance } from "../exercise.js";
import { texMatrix, texNumber, texVector } from "../exerciseFormat.js";
import {
  distinctSlips,
  intBetween,
  type PageExercise,
  pageExercises,
  pick,
} from "../exerciseSeeded.js";
import { createRng, type Rng } from "../prng.js";
import { correlateValid, solveFilter } from "./filterRecovery.js";
import { transposedConv1d, transposedConv2d, transposedStamps2d } from "./transposed.js";
import {
  groupedBlockParams,
  groupedConvParams,
  type SeparableBias,
  separableConvParams,
  splitTransformMergeParams,
  standardConvParams,
} from "../parameterCounts.js";

/** A non-zero integer in −m … m. */
const nonZero = (rng: Rng, m: number) => (rng.int(2) ? 1 : -1) * intBetween(rng, 1, m);

/** Exact integer answers (taps, products, counts): any typed value within 0.001 of each entry. */
const EXACT: Tolerance = { absolute: 0.001 };
const EXACT_TEXT = "within 0.001 of each entry (the entries are whole numbers)";
const COUNT: Tolerance = { absolute: 0.5 };
/** How a card states a parameter count. */
const COUNT_CARD = {
  toleranceText: "exact (a whole number)",
  answerFormat: "a whole number such as 213504 (213,504 also works)",
};

/** Input and output channel counts of a layer to count the parameters of. */
const drawChannels = (rng: Rng) => ({ cin: intBetween(rng, 2, 64), cout: intBetween(rng, 2, 128) });

const reversed = <T>(v: readonly T[]) => [...v].reverse();
const rotated = (m: number[][]) => reversed(m.map((row) => reversed(row)));

const filterRecovery: PageExercise = {
  title: "Recover a filter from its output",
  sources: [["homework-5", "1(b)"]],
  toleranceText: EXACT_TEXT,
  answerFormat: "a vector of 3 taps such as [2, -1, 3]",
  generate(seed) {
    const rng = createRng(seed);
    for (;;) {
      const signal = Array.from({ length: 5 }, () => intBetween(rng, -4, 4));
      const filter = Array.from({ length: 3 }, () => intBetween(rng, -3, 3));
      if (filter[0] === filter[2]) continue; // a palindrome would make the flipped filter right
      const output = correlateValid(signal, filter);
      const solution = solveFilter(signal, output);
      if (solution.kind !== "unique") continue; // singular windows: no unique filter to find
      const taps = solution.filter;
      const rows = solution.system.matrix;
      return {
        seed,
        prompt:
          `A layer slides a filter $h$ of 3 taps over the signal $x = ${texVector(signal)}$ ` +
          `without flipping it, with stride 1 and no padding, and outputs $y = ${
            texVector(output)
          }$. Find $h$.`,
        answer: { kind: "vector", value: taps, tolerance: EXACT },
        slips: distinctSlips({ kind: "vector", value: taps, tolerance: EXACT }, [{
          value: reversed(taps),
          hint:
            "That is the filter reversed: the layer does not flip it, so $h_1$ multiplies the first sample of every window.",
        }], 1),
        solution: [
          `Output $j$ is the dot product of $h$ with the window $(x_j, x_{j+1}, x_{j+2})$, so the three outputs are a linear system $A h = y$ whose rows are the windows: $${
            texMatrix(rows)
          } h = ${texMatrix(output.map((y) => [y]))}$.`,
          `Its determinant is $${solution.determinant}$, not 0, so exactly one filter fits.`,
          `Solving it gives $h = ${texVector(taps)}$.`,
          `Check: sliding $h$ over $x$ gives $${
            texVector(correlateValid(signal, taps))
          }$, which is $y$.`,
        ],
      };
    }
  },
};

/** The transposed convolution if each stamp overwrote the cells it lands on instead of adding. */
function overwritten(input: number[], filter: number[], stride: number): number[] {
  const out = new Array<number>((input.length - 1) * stride + filter.length).fill(0);
  input.forEach((x, i) => filter.forEach((h, t) => (out[i * stride + t] = x * h)));
  return out;
}

const transposed1d: PageExercise = {
  title: "A transposed convolution in 1-D",
  sources: [["homework-5", "1(c)"]],
  toleranceText: EXACT_TEXT,
  answerFormat: "a vector such as [2, -1, 3]",
  generate(seed) {
    const rng = createRng(seed);
    for (;;) {
      const input = Array.from({ length: intBetween(rng, 2, 3) }, () => nonZero(rng, 3));
      const filter = Array.from({ length: 3 }, () => nonZero(rng, 3));
      if (filter[0] === filter[2]) continue;
      const stride = 2;
      const output = transposedConv1d(input, filter, { stride });
      const answer = { kind: "vector" as const, value: output, tolerance: EXACT };
      const slips = distinctSlips(answer, [
        {
          value: transposedConv1d(input, reversed(filter), { stride }),
          hint:
            "That uses the filter reversed: each input sample stamps $h$ as it is, $h_1$ first.",
        },
        {
          value: overwritten(input, filter, stride),
          hint: "Where two stamps overlap, their products add; this answer keeps only one of them.",
        },
      ], 1);
      if (slips.length < 2) continue;
      const cells = output.map((_, cell) =>
        input.filter((_, i) => cell - i * stride >= 0 && cell - i * stride < filter.length).length
      );
      const overlaps = cells.flatMap((count, cell) => (count > 1 ? [cell + 1] : []));
      const stamps = input.map((x, i) =>
        `$x_${i + 1} h = ${texNumber(x)} \\cdot ${texVector(filter)} = ${
          texVector(filter.map((h) => x * h))
        }$ on cells ${i * stride + 1} to ${i * stride + filter.length}`
      );
      return {
        seed,
        prompt: `Compute the transposed convolution of $x = ${
          texVector(input)
        }$ with the filter $h = ${
          texVector(filter)
        }$ at stride ${stride}, with no padding. The output has $(n - 1) s + k = ${output.length}$ cells.`,
        answer,
        slips,
        solution: [
          `Each input sample stamps a scaled copy of the filter onto the output, shifted by the stride ${stride} from the previous one: ${
            stamps.join("; ")
          }.`,
          `Where two stamps overlap (cell${overlaps.length > 1 ? "s" : ""} ${
            overlaps.join(", ")
          }), their products add.`,
          `The output is $${texVector(output)}$.`,
        ],
      };
    }
  },
};

const transposed2d: PageExercise = {
  title: "A transposed convolution of a 2 × 2 input",
  sources: [["homework-5", "1(c)"]],
  toleranceText: EXACT_TEXT,
  answerFormat: "a matrix, row by row, such as [[1, 2, 0], [3, 4, 1], [0, 1, 2]]",
  generate(seed) {
    const rng = createRng(seed);
    for (;;) {
      const input = [0, 1].map(() => [0, 1].map(() => nonZero(rng, 3)));
      const filter = [0, 1].map(() => [0, 1].map(() => intBetween(rng, -2, 2)));
      const output = transposedConv2d(input, filter, { stride: 1 });
      const answer = { kind: "matrix" as const, value: output, tolerance: EXACT };
      const slips = distinctSlips(answer, [{
        value: transposedConv2d(input, rotated(filter), { stride: 1 }),
        hint:
          "That uses the filter turned by 180°: each input cell stamps $h$ as it is, top-left first.",
      }], 1);
      if (slips.length < 1) continue;
      const stamps = transposedStamps2d(input, filter, { stride: 1 }).map((s) =>
        `$x_{${s.row + 1}${s.col + 1}} h = ${
          texMatrix(s.products)
        }$ with its top-left corner on cell (${s.top + 1}, ${s.left + 1})`
      );
      return {
        seed,
        prompt: `Compute the transposed convolution of $x = ${
          texMatrix(input)
        }$ with the filter $h = ${
          texMatrix(filter)
        }$ at stride 1, with no padding. The output is 3 × 3.`,
        answer,
        slips,
        solution: [
          `Each input cell stamps a scaled copy of $h$ onto the output: ${stamps.join("; ")}.`,
          "Where the stamps overlap they add: the centre cell gets a product from all four.",
          `The output is $${texMatrix(output)}$.`,
        ],
      };
    }
  },
};

const standardLayer: PageExercise = {
  title: "Parameters of a standard convolution",
  sources: [["homework-5", "3(a)"]],
  ...COUNT_CARD,
  generate(seed) {
    const rng = createRng(seed);
    const { cin, cout } = drawChannels(rng);
    const k = pick(rng, [3, 5, 7]);
    const shape = { inChannels: cin, outChannels: cout, kernel: k };
    const total = standardConvParams({ ...shape, bias: true }).total;
    const weights = standardConvParams({ ...shape, bias: false }).total;
    const answer = { kind: "number" as const, value: total, tolerance: COUNT };
    return {
      seed,
      prompt:
        `How many learnable parameters does a ${k} × ${k} convolution from ${cin} to ${cout} channels have, biases included?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: weights,
          hint: `That leaves out the biases: one for each of the ${cout} output channels.`,
        },
        {
          value: cout * k * k + cout,
          hint: `Each filter spans all ${cin} input channels, not one.`,
        },
        {
          value: cout * cin * k + cout,
          hint: `A ${k} × ${k} filter has ${k * k} taps per input channel, not ${k}.`,
        },
      ], 1),
      solution: [
        `Each of the ${cout} filters has ${k} · ${k} taps on each of the ${cin} input channels: $${cout} \\cdot ${cin} \\cdot ${k}^2 = ${weights}$ weights.`,
        `Each output channel adds one bias: ${cout} more.`,
        `In all $${weights} + ${cout} = ${total}$.`,
      ],
    };
  },
};

const BIAS_WORDS: Record<SeparableBias, string> = {
  none: "no biases",
  pointwise: "a bias on the pointwise part only",
  both: "biases on both parts",
};

const separableLayer: PageExercise = {
  title: "Parameters of a depthwise-separable convolution",
  sources: [["homework-5", "3(b)"]],
  ...COUNT_CARD,
  generate(seed) {
    const rng = createRng(seed);
    const { cin, cout } = drawChannels(rng);
    const k = pick(rng, [3, 5]);
    const bias = pick(rng, ["none", "pointwise", "both"] as const);
    const shape = { inChannels: cin, outChannels: cout, kernel: k };
    const count = (b: SeparableBias) => separableConvParams({ ...shape, bias: b }).total;
    const total = count(bias);
    const standard = standardConvParams({ ...shape, bias: bias !== "none" }).total;
    const answer = { kind: "number" as const, value: total, tolerance: COUNT };
    const depthwise = cin * k * k;
    const pointwise = cin * cout;
    const biases = total - depthwise - pointwise;
    return {
      seed,
      prompt:
        `A depthwise-separable convolution takes ${cin} channels to ${cout}: a ${k} × ${k} depthwise filter per input channel, then a 1 × 1 pointwise convolution. How many learnable parameters does it have, with ${
          BIAS_WORDS[bias]
        }?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: standard,
          hint:
            "That is the standard convolution's count: the separable one filters each channel alone, then mixes channels with a 1 × 1 layer.",
        },
        { value: count("none"), hint: `That leaves out the biases (${BIAS_WORDS[bias]}).` },
        {
          value: bias === "both" ? count("pointwise") : count("both"),
          hint: bias === "both"
            ? `The depthwise part has biases too: ${cin} of them, one per input channel.`
            : "The depthwise part has no biases here.",
        },
        {
          value: cout * k * k + pointwise + biases,
          hint:
            `The depthwise part has one ${k} × ${k} filter per input channel (${cin}), not per output channel.`,
        },
      ], 1),
      solution: [
        `Depthwise: one ${k} × ${k} filter per input channel, $${cin} \\cdot ${k}^2 = ${depthwise}$ weights.`,
        `Pointwise: a 1 × 1 convolution from ${cin} to ${cout} channels, $${cout} \\cdot ${cin} = ${pointwise}$ weights.`,
        `Biases (${BIAS_WORDS[bias]}): ${biases}.`,
        `In all $${depthwise} + ${pointwise} + ${biases} = ${total}$, against ${standard} for the standard convolution with the same biases.`,
      ],
    };
  },
};

const groupedLayer: PageExercise = {
  title: "Parameters of a grouped convolution",
  sources: [["homework-5", "3(b)"], ["homework-6", "4"]],
  ...COUNT_CARD,
  generate(seed) {
    const rng = createRng(seed);
    const g = pick(rng, [2, 4, 8, 16]);
    // At least 2 channels a group, so the count is large enough that 2 % of it is more than 0.5.
    const cin = g * intBetween(rng, 2, 8);
    const cout = g * intBetween(rng, 2, 8);
    const k = 3;
    const shape = { inChannels: cin, outChannels: cout, kernel: k, bias: true };
    const grouped = groupedConvParams({ ...shape, groups: g });
    const weights = grouped.total - cout;
    const answer = { kind: "number" as const, value: grouped.total, tolerance: COUNT };
    return {
      seed,
      prompt:
        `A ${k} × ${k} convolution from ${cin} to ${cout} channels is split into ${g} groups: each group maps ${grouped.groupIn} input channels to ${grouped.groupOut} output channels. How many learnable parameters does it have, biases included?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: standardConvParams(shape).total,
          hint:
            `That is the count without groups: each filter sees only the ${grouped.groupIn} channels of its group.`,
        },
        { value: weights, hint: `That leaves out the ${cout} biases, one per output channel.` },
        {
          value: (cout * cin * k * k) / (g * g) + cout,
          hint:
            `That divides by the number of groups twice; there are ${g} groups, each with ${grouped.groupOut} filters of ${grouped.groupIn} channels.`,
        },
      ], 1),
      solution: [
        `Each of the ${g} groups is a convolution from ${grouped.groupIn} to ${grouped.groupOut} channels: $${grouped.groupOut} \\cdot ${grouped.groupIn} \\cdot ${k}^2$ weights.`,
        `All groups: $${g} \\cdot ${grouped.groupOut} \\cdot ${grouped.groupIn} \\cdot ${k}^2 = ${weights}$ weights, ${g} times fewer than without groups.`,
        `With the ${cout} biases: $${weights} + ${cout} = ${grouped.total}$.`,
      ],
    };
  },
};

const summedPaths: PageExercise = {
  title: "Parameters of a block of summed paths",
  sources: [["homework-6", "4"]],
  ...COUNT_CARD,
  generate(seed) {
    const rng = createRng(seed);
    const C = pick(rng, [64, 96, 128, 192, 256, 384, 512]);
    const P = pick(rng, [4, 8, 16, 32, 64]);
    const d = pick(rng, [2, 4, 8, 16]);
    const k = 3;
    const options = { channels: C, paths: P, width: d, kernel: k };
    const paths = splitTransformMergeParams(options);
    const answer = { kind: "number" as const, value: paths.total, tolerance: COUNT };
    const onePath = paths.total / P;
    const biases = paths.parts.filter((p) => p.kind === "biases").reduce((s, p) => s + p.count, 0);
    // Each layer's parameters in one path: the block's layers hold P copies.
    const [reduce, middle, expand] = paths.layers.map((l) => (l.weights + l.biases) / P);
    return {
      seed,
      prompt:
        `A block runs ${P} paths side by side and sums their outputs. Each path is a 1 × 1 convolution from ${C} channels to ${d}, a ${k} × ${k} convolution from ${d} to ${d}, and a 1 × 1 convolution from ${d} back to ${C}, every layer with biases. How many learnable parameters does the block have?`,
      answer,
      slips: distinctSlips(answer, [
        { value: onePath, hint: `That is one path; the block has ${P} of them.` },
        {
          value: paths.total - biases,
          hint: "That leaves out the biases: every layer of every path has one per output channel.",
        },
        {
          value: groupedBlockParams(options).total,
          hint:
            `That is the grouped form, with one set of ${C} output biases; the summed paths each carry their own.`,
        },
      ], 1),
      solution: [
        `One path: the 1 × 1 reduction has $${C} \\cdot ${d} + ${d} = ${reduce}$ parameters, the ${k} × ${k} layer $${d} \\cdot ${d} \\cdot ${k}^2 + ${d} = ${middle}$, and the 1 × 1 expansion $${d} \\cdot ${C} + ${C} = ${expand}$: ${onePath} in all.`,
        `The ${P} paths: $${P} \\cdot ${onePath} = ${paths.total}$.`,
      ],
    };
  },
};

export const EXERCISES: readonly Exercise[] = pageExercises("convolution", {
  "filter-recovery": filterRecovery,
  "transposed-1d": transposed1d,
  "transposed-2d": transposed2d,
  "standard-layer": standardLayer,
  "separable-layer": separableLayer,
  "grouped-layer": groupedLayer,
  "summed-paths": summedPaths,
});
