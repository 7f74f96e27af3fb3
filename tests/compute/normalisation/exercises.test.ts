import assert from "node:assert/strict";
import {
  batchNormGradient,
  centredGradient,
  graphParents,
  normAxes,
  sharedCells,
} from "../../../src/compute/normalisation/exercises.ts";
import {
  answerEntries,
  assertNearMeasured,
  assertSameEntries,
  centralGradient,
  correctOption,
  exerciseNamed,
  numberAfter,
  SEEDS,
  tupleAfter,
} from "../exerciseValues.ts";

const PAGE = "normalisation";

const SHAPE = { n: 8, c: 16, h: 5, w: 4 };

Deno.test("normAxes({method, shape}) is N, H, W for batch norm and C, H, W for layer norm, homework 5 2(a)", () => {
  assert.equal(correctOption(normAxes({ method: "batch", shape: SHAPE })), "over $N$, $H$, $W$");
  assert.equal(correctOption(normAxes({ method: "layer", shape: SHAPE })), "over $C$, $H$, $W$");
});

Deno.test("sharedCells({method, shape}) is N·H·W for batch norm and C·H·W for layer norm, homework 5 2(a)", () => {
  const batch = sharedCells({ method: "batch", shape: SHAPE });
  assertSameEntries(answerEntries(batch), [8 * 5 * 4], 1e-9, "batch");
  assert.ok(batch.answer.kind === "number" && "absolute" in batch.answer.tolerance);
  assert.ok(batch.answer.tolerance.absolute < 1, "a count is asked for exactly");
  assertSameEntries(
    answerEntries(sharedCells({ method: "layer", shape: SHAPE })),
    [16 * 5 * 4],
    1e-9,
    "layer",
  );
  for (const seed of SEEDS) {
    const i = exerciseNamed(PAGE, "shared-cells").generate(seed);
    const [n, c, h, w] = i.prompt.split("W = ")[1].split("$")[0].split(" \\times ").map(Number);
    assertSameEntries(
      answerEntries(i),
      [i.prompt.startsWith("Apply batch") ? n * h * w : c * h * w],
      1e-9,
      `seed ${seed}`,
    );
  }
});

Deno.test("centredGradient({dy, γ}) is γ(dy − mean(dy)), and exactly 0 for a batch of one, homework 5 2(b)", () => {
  assert.deepEqual(answerEntries(centredGradient({ dy: [2.5], gamma: 2 })), [0]);
  for (const seed of SEEDS) {
    const i = exerciseNamed(PAGE, "centred-gradient").generate(seed);
    const dy = tupleAfter(i.prompt, "\\partial L/\\partial y");
    const gamma = numberAfter(i.prompt, "\\gamma");
    const mean = dy.reduce((s, v) => s + v, 0) / dy.length;
    assertSameEntries(answerEntries(i), dy.map((v) => gamma * (v - mean)), 1e-9, `seed ${seed}`);
  }
});

Deno.test("graphParents({node}) follows the eight edges of homework 5 6(a)", () => {
  const want = {
    Z: "$X$, $\\mu$, $\\sigma^2$",
    Y: "$Z$, $\\gamma$, $\\beta$",
    mean: "$X$",
    variance: "$X$",
  };
  for (const [node, parents] of Object.entries(want)) {
    for (const seed of [0, 1, 2]) {
      assert.equal(
        correctOption(graphParents({ node: node as keyof typeof want }, seed)),
        parents,
        node,
      );
    }
  }
});

/** L = Σ dyᵢ·BN(x)ᵢ with the biased variance and ε = 0, written out again. */
function loss(x: number[], dy: number[], gamma: number): number {
  const n = x.length;
  const mu = x.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(x.reduce((s, v) => s + (v - mu) ** 2, 0) / n);
  return x.reduce((s, v, i) => s + dy[i] * gamma * ((v - mu) / sd), 0);
}

Deno.test("batchNormGradient({x: (1, 2, 3), dy: (1, 0, 0), γ: 1}) is √1.5·(1/6, −1/3, 1/6), homework 5 6(b)", () => {
  const want = [1 / 6, -1 / 3, 1 / 6].map((v) => v * Math.sqrt(1.5));
  assertSameEntries(
    answerEntries(batchNormGradient({ x: [1, 2, 3], dy: [1, 0, 0], gamma: 1 })),
    want,
    1e-9,
    "dX",
  );
});

Deno.test("batchNormGradient({x, dy, γ}) equals central differences of Σ dy·BN(x), seeds 0..999", () => {
  for (const seed of SEEDS) {
    const i = exerciseNamed(PAGE, "batch-norm-gradient").generate(seed);
    const x = tupleAfter(i.prompt, "x");
    const dy = tupleAfter(i.prompt, "\\partial L/\\partial y");
    const gamma = numberAfter(i.prompt, "\\gamma");
    const numeric = centralGradient((v) => loss(v, dy, gamma), x, 1e-5);
    assertNearMeasured(answerEntries(i), numeric, 1e-6, `seed ${seed}`);
  }
});
