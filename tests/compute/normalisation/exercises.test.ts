import assert from "node:assert/strict";
import type { Exercise, ExerciseInstance, NumericAnswer } from "../../../src/compute/exercise.ts";
import { RESULTS } from "../../../src/courseResults.ts";
import {
  batchNormGradient,
  centredGradient,
  EXERCISES,
  graphParents,
  normAxes,
  sharedCells,
} from "../../../src/compute/normalisation/exercises.ts";

const PAGE = "normalisation";
const SEEDS = Array.from({ length: 1000 }, (_, s) => s);

type Value = NumericAnswer["value"];
const flat = (v: Value): number[] => (typeof v === "number" ? [v] : (v as number[]).flat());
const numericValue = (i: ExerciseInstance): number[] => {
  assert.ok(i.answer.kind !== "choice", `${i.prompt} should have a numeric answer`);
  return flat(i.answer.value);
};
/** Agreement to 1e-9 relative: far tighter than a 2 % error, so a 2 % change fails. */
const close = (got: readonly number[], want: readonly number[], what: string) => {
  assert.equal(got.length, want.length, `${what}: length`);
  got.forEach((g, k) =>
    assert.ok(
      Math.abs(g - want[k]) <= 1e-9 * Math.max(1, Math.abs(want[k])),
      `${what}[${k}]: ${g} vs ${want[k]}`,
    )
  );
};
/** A decimal with more than the formatter's four significant digits: a number printed raw. */
const rawFloat = (text: string) =>
  (text.match(/\d+\.\d+/g) ?? []).some((t) => t.replace(".", "").replace(/^0+/, "").length > 4);
const byId = (name: string): Exercise => EXERCISES.find((e) => e.id === `${PAGE}/${name}`)!;

Deno.test("EXERCISES: ids, pages and sources match normalisation's course results, one exercise or more per result", () => {
  const ids = EXERCISES.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, "ids are unique");
  const results = RESULTS.filter((r) => r.page === PAGE);
  const key = (sources: readonly (readonly string[])[]) => JSON.stringify(sources);
  for (const e of EXERCISES) {
    assert.ok(e.id.startsWith(`${PAGE}/`), e.id);
    assert.equal(e.page, PAGE);
    assert.ok(
      results.some((r) => key(r.sources) === key(e.sources)),
      `${e.id}: sources of a result`,
    );
    assert.ok(e.title && e.toleranceText && e.answerFormat, `${e.id}: texts`);
  }
  for (const r of results) {
    assert.ok(
      EXERCISES.some((e) => key(e.sources) === key(r.sources)),
      `no exercise for ${r.result}`,
    );
  }
});

Deno.test("generate(seed) is deterministic for every normalisation exercise", () => {
  for (const e of EXERCISES) {
    for (const seed of [0, 1, 7, 123, 999]) {
      assert.deepEqual(e.generate(seed), e.generate(seed), e.id);
    }
  }
});

Deno.test("generate(seed), seeds 0..999: finite non-zero answers, formatted texts, at least one slip, every slip beyond the tolerance of the answer and of the other slips", () => {
  for (const e of EXERCISES) {
    for (const seed of SEEDS) {
      const i = e.generate(seed);
      assert.equal(i.seed, seed);
      assert.ok(i.slips.length > 0, `${e.id} ${seed}: no slip to name`);
      for (const text of [i.prompt, ...i.solution]) {
        assert.ok(
          !/NaN|undefined|Infinity/.test(text) && !rawFloat(text),
          `${e.id} ${seed}: ${text}`,
        );
        assert.equal(
          (text.match(/\$/g) ?? []).length % 2,
          0,
          `${e.id} ${seed}: unbalanced $ in ${text}`,
        );
      }
      if (i.answer.kind === "choice") {
        const { options, correct } = i.answer;
        assert.equal(new Set(options).size, options.length, `${e.id} ${seed}: distinct options`);
        assert.ok(correct >= 0 && correct < options.length);
        for (const s of i.slips) {
          assert.ok(
            s.value !== correct && (s.value as number) >= 0 && (s.value as number) < options.length,
          );
          assert.ok(s.hint.length > 0);
        }
        continue;
      }
      const answer = flat(i.answer.value);
      const tolerance = i.answer.tolerance;
      /** How far a typed entry may sit from `v` and still count as `v`. */
      const allowed = (v: number) =>
        "relative" in tolerance ? tolerance.relative * Math.abs(v) : tolerance.absolute;
      assert.ok(
        answer.some((v) => 0.02 * Math.abs(v) > allowed(v)),
        `${e.id} ${seed}: a 2 % error must fall outside the tolerance`,
      );
      answer.forEach((v) =>
        assert.ok(Number.isFinite(v) && Math.abs(v) > 1e-6, `${e.id} ${seed}: answer ${answer}`)
      );
      const slips = i.slips.map((s) => flat(s.value as Value));
      slips.forEach((slip, k) =>
        slips.slice(0, k).forEach((earlier) =>
          assert.ok(
            slip.some((v, m) => Math.abs(v - earlier[m]) > allowed(earlier[m])),
            `${e.id} ${seed}: slips ${earlier} and ${slip} coincide`,
          )
        )
      );
      for (const s of i.slips) {
        const slip = flat(s.value as Value);
        assert.equal(slip.length, answer.length, `${e.id} ${seed}: slip shape`);
        assert.ok(slip.every(Number.isFinite), `${e.id} ${seed}: slip ${slip}`);
        assert.ok(
          slip.some((v, k) => Math.abs(v - answer[k]) > allowed(answer[k])),
          `${e.id} ${seed}: slip ${slip} is within the tolerance of ${answer}`,
        );
      }
    }
  }
});

function tupleAfter(prompt: string, name: string): number[] {
  return prompt.split(`${name} = (`)[1].split(")")[0].split(", ").map(Number);
}
function numberAfter(prompt: string, name: string): number {
  return Number(prompt.split(`${name} = `)[1].match(/^-?[\d.]+/)![0]);
}
const correctOption = (i: ExerciseInstance) => {
  assert.ok(i.answer.kind === "choice");
  return i.answer.options[i.answer.correct];
};
const SHAPE = { n: 8, c: 16, h: 5, w: 4 };

Deno.test("normAxes({method, shape}) is N, H, W for batch norm and C, H, W for layer norm, homework 5 2(a)", () => {
  assert.equal(correctOption(normAxes({ method: "batch", shape: SHAPE })), "over $N$, $H$, $W$");
  assert.equal(correctOption(normAxes({ method: "layer", shape: SHAPE })), "over $C$, $H$, $W$");
});

Deno.test("sharedCells({method, shape}) is N·H·W for batch norm and C·H·W for layer norm, homework 5 2(a)", () => {
  const batch = sharedCells({ method: "batch", shape: SHAPE });
  close(numericValue(batch), [8 * 5 * 4], "batch");
  assert.ok(batch.answer.kind === "number" && "absolute" in batch.answer.tolerance);
  assert.ok(batch.answer.tolerance.absolute < 1, "a count is asked for exactly");
  close(numericValue(sharedCells({ method: "layer", shape: SHAPE })), [16 * 5 * 4], "layer");
  for (const seed of SEEDS) {
    const i = byId("shared-cells").generate(seed);
    const [n, c, h, w] = i.prompt.split("W = ")[1].split("$")[0].split(" \\times ").map(Number);
    close(
      numericValue(i),
      [i.prompt.startsWith("Apply batch") ? n * h * w : c * h * w],
      `seed ${seed}`,
    );
  }
});

Deno.test("centredGradient({dy, γ}) is γ(dy − mean(dy)), and exactly 0 for a batch of one, homework 5 2(b)", () => {
  assert.deepEqual(numericValue(centredGradient({ dy: [2.5], gamma: 2 })), [0]);
  for (const seed of SEEDS) {
    const i = byId("centred-gradient").generate(seed);
    const dy = i.prompt.split("\\partial L/\\partial y = (")[1].split(")")[0].split(", ").map(
      Number,
    );
    const gamma = numberAfter(i.prompt, "\\gamma");
    const mean = dy.reduce((s, v) => s + v, 0) / dy.length;
    close(numericValue(i), dy.map((v) => gamma * (v - mean)), `seed ${seed}`);
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
  close(numericValue(batchNormGradient({ x: [1, 2, 3], dy: [1, 0, 0], gamma: 1 })), want, "dX");
});

Deno.test("batchNormGradient({x, dy, γ}) equals central differences of Σ dy·BN(x), seeds 0..999", () => {
  for (const seed of SEEDS) {
    const i = byId("batch-norm-gradient").generate(seed);
    const x = tupleAfter(i.prompt, "x");
    const dy = i.prompt.split("\\partial L/\\partial y = (")[1].split(")")[0].split(", ").map(
      Number,
    );
    const gamma = numberAfter(i.prompt, "\\gamma");
    const h = 1e-5;
    const numeric = x.map((_, k) => {
      const up = x.map((v, j) => (j === k ? v + h : v));
      const down = x.map((v, j) => (j === k ? v - h : v));
      return (loss(up, dy, gamma) - loss(down, dy, gamma)) / (2 * h);
    });
    const got = numericValue(i);
    const scale = Math.max(...numeric.map(Math.abs));
    got.forEach((g, k) =>
      assert.ok(
        Math.abs(g - numeric[k]) <= 1e-6 * scale,
        `seed ${seed}[${k}]: ${g} vs ${numeric[k]}`,
      )
    );
  }
});
