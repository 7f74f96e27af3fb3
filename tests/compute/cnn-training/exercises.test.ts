import assert from "node:assert/strict";
import { cnnParameterCount } from "../../../src/compute/cnn-training/architecture.ts";
import {
  BATCH_NORM_BACKWARD,
  BATCH_NORM_EARLY,
  cnnShapeCounts,
  DROPOUT_GAP,
  PARAMETER_COUNT,
} from "../../../src/compute/cnn-training/exercises.ts";
import type { ChoiceAnswer } from "../../../src/compute/exercise.ts";
import { assertSameEntries, centralGradient, numeric, SEEDS } from "../exerciseValues.ts";

Deno.test("cnnShapeCounts({filters: 8, kernel: 5, stride: 2, batchNorm}): the page's network, 3,106 parameters with batch norm and 3,098 without, as cnnParameterCount counts them", () => {
  for (const batchNorm of [true, false]) {
    const count = cnnShapeCounts({ filters: 8, kernel: 5, stride: 2, batchNorm }).total;
    assert.equal(count, cnnParameterCount({ batchNorm }));
    assert.equal(count, batchNorm ? 3106 : 3098);
    const instance = PARAMETER_COUNT.instance({ filters: 8, kernel: 5, stride: 2, batchNorm });
    assert.equal(numeric(instance).value, count);
  }
});

Deno.test("PARAMETER_COUNT.generate(seed): the count is F·k² (+F without batch norm) + 2F (with it) + 10·F·(side/2)² + 10, side = ⌊(28 − k)/s⌋ + 1, on seeds 0..999", () => {
  const shapes = new Set<string>();
  for (const seed of SEEDS) {
    const { filters: F, kernel: k, stride, batchNorm } = PARAMETER_COUNT.params(seed);
    const side = Math.floor((28 - k) / stride) + 1;
    assert.equal(side % 2, 0, `seed ${seed}: the pool tiles the map`);
    const expected = F * k * k + (batchNorm ? 2 * F : F) + 10 * F * (side / 2) ** 2 + 10;
    assert.equal(numeric(PARAMETER_COUNT.generate(seed)).value, expected, `seed ${seed}`);
    shapes.add(`${F} ${k} ${stride} ${batchNorm}`);
  }
  assert.ok(shapes.size > 50, `${shapes.size} shapes drawn`);
});

/** L = Σ dyᵢ·yᵢ of training-time batch norm on one feature, ε = 0, computed here. */
function loss(x: number[], dy: number[], gamma: number, beta: number): number {
  const n = x.length;
  const mu = x.reduce((s, v) => s + v, 0) / n;
  const variance = x.reduce((s, v) => s + (v - mu) ** 2, 0) / n;
  return x.reduce((s, v, i) => s + dy[i] * (gamma * (v - mu) / Math.sqrt(variance) + beta), 0);
}

Deno.test("BATCH_NORM_BACKWARD.generate(seed): ∂L/∂x (Homework 5, 6(b)) equals central differences of batch norm's loss Σ dy·y, and sums to 0, on seeds 0..999", () => {
  const h = 1e-6;
  for (const seed of SEEDS) {
    const { x, dy, gamma, beta } = BATCH_NORM_BACKWARD.params(seed);
    const answer = numeric(BATCH_NORM_BACKWARD.generate(seed)).value as number[];
    const measured = centralGradient((v) => loss(v, dy, gamma, beta), x, h);
    assertSameEntries(answer, measured, 1e-7, `seed ${seed}`);
    assert.ok(Math.abs(answer.reduce((s, v) => s + v, 0)) < 1e-12);
  }
});

Deno.test("DROPOUT_GAP.generate(seed): the right option always says dropout narrows the train–validation gap (Homework 5, 6(c)), and the option order varies", () => {
  const positions = new Set<number>();
  for (const seed of SEEDS) {
    const answer = DROPOUT_GAP.generate(seed).answer as ChoiceAnswer;
    assert.match(answer.options[answer.correct], /narrows the gap/);
    positions.add(answer.correct);
  }
  assert.equal(positions.size, 4);
});

Deno.test("BATCH_NORM_EARLY.generate(seed): the right option is 'at least 80 % of the 40 pairs, but not all' (Homework 5, 6), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const instance = BATCH_NORM_EARLY.generate(seed);
    const answer = instance.answer as ChoiceAnswer;
    assert.equal(
      answer.options[answer.correct],
      "In at least 80 % of the pairs, but not in all of them.",
    );
    assert.match(instance.prompt, /40 pairs/);
  }
});
