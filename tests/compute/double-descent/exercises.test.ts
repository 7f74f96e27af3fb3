import assert from "node:assert/strict";
import type { Exercise, ExerciseInstance, NumericAnswer } from "../../../src/compute/exercise.ts";
import { RESULTS } from "../../../src/courseResults.ts";
import {
  EXERCISES,
  featureRidge,
  peakLocation,
  tunedLambda,
} from "../../../src/compute/double-descent/exercises.ts";

const PAGE = "double-descent";
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

Deno.test("EXERCISES: ids, pages and sources match double-descent's course results, one exercise or more per result", () => {
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

Deno.test("generate(seed) is deterministic for every double-descent exercise", () => {
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

function matrixAfter(prompt: string, name: string): number[][] {
  const body = prompt.split(`${name} = \\begin{pmatrix}`)[1].split("\\end{pmatrix}")[0];
  return body.split(" \\\\ ").map((row) => row.split(" & ").map(Number));
}
const correctOption = (i: ExerciseInstance) => {
  assert.ok(i.answer.kind === "choice");
  return i.answer.options[i.answer.correct];
};

/** Solves A z = b by Gaussian elimination with partial pivoting (A small and invertible). */
function solve(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]]);
  const n = b.length;
  for (let c = 0; c < n; c++) {
    const pivot = m.slice(c).reduce(
      (best, row, k) => (Math.abs(row[c]) > Math.abs(m[best][c]) ? c + k : best),
      c,
    );
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = c + 1; r < n; r++) {
      const factor = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= factor * m[c][k];
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    z[r] = (m[r][n] - m[r].slice(r + 1, n).reduce((s, v, k) => s + v * z[r + 1 + k], 0)) / m[r][r];
  }
  return z;
}

/** θ = (X̃ᵀX̃ + λI)⁻¹X̃ᵀY in the primal form, whatever p is, with X̃ = ReLU(XWᵀ). */
function primalTheta(x: number[][], w: number[][], y: number[], lambda: number): number[] {
  const phi = x.map((row) => w.map((wj) => Math.max(0, row.reduce((s, v, k) => s + v * wj[k], 0))));
  const p = w.length;
  const a = Array.from(
    { length: p },
    (_, i) =>
      Array.from(
        { length: p },
        (_, j) => phi.reduce((s, r) => s + r[i] * r[j], 0) + (i === j ? lambda : 0),
      ),
  );
  const b = Array.from({ length: p }, (_, i) => phi.reduce((s, r, n) => s + r[i] * y[n], 0));
  return solve(a, b);
}

Deno.test("featureRidge({X: [[1, 0], [0, 1], [1, 1]], W: I, Y: (1, 2, 3), λ: 1}) is (7/8, 11/8), homework 6 Q5", () => {
  const i = featureRidge({
    x: [[1, 0], [0, 1], [1, 1]],
    w: [[1, 0], [0, 1]],
    y: [1, 2, 3],
    lambda: 1,
  });
  close(numericValue(i), [7 / 8, 11 / 8], "θ");
});

Deno.test("featureRidge({X, W, Y, λ}) equals the primal solve (X̃ᵀX̃ + λI)θ = X̃ᵀY, for p ≤ N_train and (kernel form) p > N_train, seeds 0..999", () => {
  for (const name of ["feature-ridge", "kernel-form"]) {
    for (const seed of SEEDS) {
      const i = byId(name).generate(seed);
      const x = matrixAfter(i.prompt, "X");
      const w = matrixAfter(i.prompt, "W");
      const y = i.prompt.split("Y = (")[1].split(")")[0].split(", ").map(Number);
      const lambda = Number(i.prompt.split("\\lambda = ")[1].match(/^[\d.]+/)![0]);
      assert.equal(w.length > x.length, name === "kernel-form", `${name}: p against N_train`);
      close(numericValue(i), primalTheta(x, w, y, lambda), `${name} seed ${seed}`);
    }
  }
});

Deno.test("peakLocation({nTrain: 300, d: 35}) picks p = N_train, and tunedLambda the vanished peak, homework 6 Q5", () => {
  for (const seed of [0, 1, 2, 3]) {
    assert.equal(
      correctOption(peakLocation({ nTrain: 300, d: 35 }, seed)),
      "near $p = N_\\text{train} = 300$",
    );
    assert.match(correctOption(tunedLambda({ nTrain: 300, d: 35 }, seed)), /^it disappears/);
  }
});
