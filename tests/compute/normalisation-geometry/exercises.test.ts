import assert from "node:assert/strict";
import type { Exercise, ExerciseInstance, NumericAnswer } from "../../../src/compute/exercise.ts";
import { RESULTS } from "../../../src/courseResults.ts";
import {
  batchNormOfProjection,
  whitenedBatch,
} from "../../../src/compute/normalisation-geometry/weightNorm.ts";
import {
  cloudCovariance,
  EXERCISES,
  outputLaw,
  projectedGradient,
  weightNormOutput,
} from "../../../src/compute/normalisation-geometry/exercises.ts";

const PAGE = "normalisation-geometry";
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

Deno.test("EXERCISES: ids, pages and sources match normalisation-geometry's course results, one exercise or more per result", () => {
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

Deno.test("generate(seed) is deterministic for every normalisation-geometry exercise", () => {
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

Deno.test("outputLaw({N(1.5, 0.16), β: 3, γ: 1}) is (3, 1), homework 5 9(a); every seed gives (β, γ²)", () => {
  close(numericValue(outputLaw({ mean: 1.5, variance: 0.16, beta: 3, gamma: 1 })), [3, 1], "law");
  for (const seed of SEEDS) {
    const i = byId("output-law").generate(seed);
    const beta = numberAfter(i.prompt, "\\beta");
    const gamma = numberAfter(i.prompt, "\\gamma");
    close(numericValue(i), [beta, gamma * gamma], `seed ${seed}`);
  }
});

Deno.test("cloudCovariance({sd: (2, 0.5), ρ: 0.6}) is [[1, 0.6], [0.6, 1]], homework 5 9(b); every seed gives the correlation matrix", () => {
  close(numericValue(cloudCovariance({ sd: [2, 0.5], rho: 0.6 })), [1, 0.6, 0.6, 1], "covariance");
  for (const seed of SEEDS) {
    const i = byId("cloud-covariance").generate(seed);
    const body = i.prompt.split("\\Sigma = \\begin{pmatrix}")[1].split("\\end{pmatrix}")[0];
    const [[a, b], [, c]] = body.split(" \\\\ ").map((row) => row.split(" & ").map(Number));
    const rho = b / Math.sqrt(a * c);
    close(numericValue(i), [1, rho, rho, 1], `seed ${seed}`);
  }
});

Deno.test("weightNormOutput({u, γ, β, x}) equals batch norm of uᵀx over a whitened batch, worked exercises 4", () => {
  const rows = whitenedBatch(64, 3, 5);
  const u = [1, 2, 2];
  const bn = batchNormOfProjection(rows, u, 1.5, 0.5);
  rows.slice(0, 10).forEach((x, k) => {
    const got = numericValue(weightNormOutput({ u, gamma: 1.5, beta: 0.5, x }));
    assert.ok(
      Math.abs(got[0] - bn[k]) <= 1e-9 * Math.max(1, Math.abs(bn[k])),
      `row ${k}: ${got} vs ${bn[k]}`,
    );
  });
  for (const seed of SEEDS) {
    const i = byId("weight-norm-output").generate(seed);
    const uu = tupleAfter(i.prompt, "u");
    const x = tupleAfter(i.prompt, "x");
    const gamma = numberAfter(i.prompt, "\\gamma");
    const beta = numberAfter(i.prompt, "\\beta");
    const ux = uu.reduce((s, v, j) => s + v * x[j], 0);
    close(numericValue(i), [(gamma * ux) / Math.hypot(...uu) + beta], `seed ${seed}`);
  }
});

Deno.test("projectedGradient({u: (3, 4), γ: 1, ∇_wL: (1, 0)}) is (0.128, −0.096), worked exercises 4", () => {
  close(
    numericValue(projectedGradient({ u: [3, 4], gamma: 1, gradW: [1, 0] })),
    [0.128, -0.096],
    "∇ᵤL",
  );
});

Deno.test("projectedGradient({u, γ, ∇_wL}) equals central differences of ∇_wL·γu/‖u‖ and is orthogonal to u, seeds 0..999", () => {
  for (const seed of SEEDS) {
    const i = byId("projected-gradient").generate(seed);
    const u = tupleAfter(i.prompt, "u");
    const g = tupleAfter(i.prompt, "\\nabla_w L");
    const gamma = numberAfter(i.prompt, "\\gamma");
    const loss = (v: number[]) =>
      (gamma / Math.hypot(...v)) * v.reduce((s, e, j) => s + e * g[j], 0);
    const h = 1e-6;
    const numeric = u.map((_, k) =>
      (loss(u.map((v, j) => (j === k ? v + h : v))) -
        loss(u.map((v, j) => (j === k ? v - h : v)))) / (2 * h)
    );
    const got = numericValue(i);
    const scale = Math.max(...numeric.map(Math.abs));
    got.forEach((v, k) =>
      assert.ok(
        Math.abs(v - numeric[k]) <= 1e-6 * scale,
        `seed ${seed}[${k}]: ${v} vs ${numeric[k]}`,
      )
    );
    assert.ok(
      Math.abs(got.reduce((s, v, j) => s + v * u[j], 0)) <= 1e-12 * scale * Math.hypot(...u),
      `seed ${seed}: uᵀ∇ᵤL`,
    );
  }
});
