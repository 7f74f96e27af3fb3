import assert from "node:assert/strict";
import type { Exercise, ExerciseInstance, NumericAnswer } from "../../../src/compute/exercise.ts";
import { RESULTS } from "../../../src/courseResults.ts";
import { sigmoid } from "../../../src/compute/activations.ts";
import {
  commonNorm,
  EXERCISES,
  expectedDropoutLoss,
  gaussianLoss,
  matchingNoise,
  rescaledData,
  ridgeFit,
  sigmoidOrders,
  tikhonovPenalty,
} from "../../../src/compute/dropout-noise/exercises.ts";

const PAGE = "dropout-noise";
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

Deno.test("EXERCISES: ids, pages and sources match dropout-noise's course results, one exercise or more per result", () => {
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

Deno.test("generate(seed) is deterministic for every dropout-noise exercise", () => {
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

/** The entries of the first pmatrix after `name = ` in a prompt, row by row. */
function matrixAfter(prompt: string, name: string): number[][] {
  const body = prompt.split(`${name} = \\begin{pmatrix}`)[1].split("\\end{pmatrix}")[0];
  return body.split(" \\\\ ").map((row) => row.split(" & ").map(Number));
}
function tupleAfter(prompt: string, name: string): number[] {
  return prompt.split(`${name} = (`)[1].split(")")[0].split(", ").map(Number);
}
function numberAfter(prompt: string, name: string): number {
  return Number(prompt.split(`${name} = `)[1].match(/^-?[\d.]+/)![0]);
}

/** E‖y − (R⊙X)w‖² by enumerating every 0/1 mask of X's entries, each with its probability. */
function enumeratedDropoutLoss(rows: number[][], y: number[], w: number[], p: number): number {
  const cells = rows.length * w.length;
  let total = 0;
  for (let mask = 0; mask < 2 ** cells; mask++) {
    let prob = 1;
    let loss = 0;
    rows.forEach((row, i) => {
      let pred = 0;
      row.forEach((v, j) => {
        const kept = (mask >> (i * w.length + j)) & 1;
        prob *= kept ? p : 1 - p;
        if (kept) pred += v * w[j];
      });
      loss += (y[i] - pred) ** 2;
    });
    total += prob * loss;
  }
  return total;
}

const SMALL = { rows: [[3, 0], [4, 1], [0, -2]], y: [1, -2, 3], w: [1, 2] };

Deno.test("expectedDropoutLoss({X, y, w, p}) equals the average over all 64 masks, discussion 5 Q2 (seeds 0..199 and p = 0.5)", () => {
  close(numericValue(expectedDropoutLoss({ data: SMALL, keep: 0.5 })), [
    enumeratedDropoutLoss(SMALL.rows, SMALL.y, SMALL.w, 0.5),
  ], "loss");
  for (const seed of SEEDS.slice(0, 200)) {
    const i = byId("expected-loss").generate(seed);
    const want = enumeratedDropoutLoss(
      matrixAfter(i.prompt, "X"),
      tupleAfter(i.prompt, "y"),
      tupleAfter(i.prompt, "w"),
      numberAfter(i.prompt, "p"),
    );
    close(numericValue(i), [want], `seed ${seed}`);
  }
});

Deno.test("tikhonovPenalty({X: [[3, 0], [4, 1], [0, -2]], w: (1, 2), p}) is ((1 − p)/p)·(25 + 5·4), homework 5 4(b)", () => {
  for (const keep of [0.25, 0.5, 0.8]) {
    close(
      numericValue(tikhonovPenalty({ data: SMALL, keep })),
      [((1 - keep) / keep) * 45],
      `p = ${keep}`,
    );
  }
  for (const seed of SEEDS) {
    const i = byId("tikhonov-penalty").generate(seed);
    const rows = matrixAfter(i.prompt, "X");
    const w = tupleAfter(i.prompt, "w");
    const p = numberAfter(i.prompt, "p");
    const sum = w.reduce((s, wj, j) => s + rows.reduce((t, r) => t + r[j] ** 2, 0) * wj ** 2, 0);
    close(numericValue(i), [((1 - p) / p) * sum], `seed ${seed}`);
  }
});

Deno.test("rescaledData({X with columns (1, 2, 2) and (2, 3, 6), p: 0.8}) divides them by 3/2 and 7/2", () => {
  const i = rescaledData({ rows: [[1, 2], [2, 3], [2, 6]], keep: 0.8 });
  close(numericValue(i), [2 / 3, 4 / 7, 4 / 3, 6 / 7, 4 / 3, 12 / 7], "X̃");
  for (const seed of SEEDS) {
    const g = byId("rescaled-data").generate(seed);
    const rows = matrixAfter(g.prompt, "X");
    const p = numberAfter(g.prompt, "p");
    const norms = [0, 1].map((j) => Math.hypot(...rows.map((r) => r[j])));
    const c = Math.sqrt(p / (1 - p));
    close(
      numericValue(g),
      rows.flatMap((r) => r.map((v, j) => (c * v) / norms[j])),
      `seed ${seed}`,
    );
  }
});

Deno.test("commonNorm({p: 0.75}) is √3, homework 5 4(d); every seed gives √(p/(1 − p))", () => {
  close(numericValue(commonNorm({ rows: SMALL.rows, keep: 0.75 })), [Math.sqrt(3)], "norm");
  for (const seed of SEEDS) {
    const i = byId("common-norm").generate(seed);
    const p = numberAfter(i.prompt, "p");
    close(numericValue(i), [Math.sqrt(p / (1 - p))], `seed ${seed}`);
  }
});

Deno.test("ridgeFit({X, y, λ}) solves the 2 × 2 system (XᵀX + λI)w = Xᵀy by Cramer's rule, worked exercises 2.3", () => {
  for (const seed of SEEDS) {
    const i = byId("ridge-fit").generate(seed);
    const rows = matrixAfter(i.prompt, "X");
    const y = tupleAfter(i.prompt, "y");
    const lambda = Number(i.prompt.split("\\lambda = ")[1].match(/^[\d.]+/)![0]);
    const g = (j: number, k: number) =>
      rows.reduce((s, r) => s + r[j] * r[k], 0) + (j === k ? lambda : 0);
    const b = [0, 1].map((j) => rows.reduce((s, r, n) => s + r[j] * y[n], 0));
    const det = g(0, 0) * g(1, 1) - g(0, 1) ** 2;
    close(numericValue(i), [
      (b[0] * g(1, 1) - g(0, 1) * b[1]) / det,
      (g(0, 0) * b[1] - g(0, 1) * b[0]) / det,
    ], `seed ${seed}`);
  }
});

Deno.test("matchingNoise({p, inverted}) is (p, p(1 − p)) for plain masks and (1, (1 − p)/p) for inverted ones, homework 5 Q8", () => {
  for (const keep of [0.25, 0.5, 0.8]) {
    close(
      numericValue(matchingNoise({ keep, inverted: false })),
      [keep, keep * (1 - keep)],
      `plain ${keep}`,
    );
    close(
      numericValue(matchingNoise({ keep, inverted: true })),
      [1, (1 - keep) / keep],
      `inverted ${keep}`,
    );
  }
});

Deno.test("gaussianLoss({X, y, w, μ, σ}) is Σᵢ (yᵢ − μ(Xw)ᵢ)² + σ² Σᵢⱼ Xᵢⱼ² wⱼ², homework 5 Q8", () => {
  for (const seed of SEEDS) {
    const i = byId("gaussian-loss").generate(seed);
    const rows = matrixAfter(i.prompt, "X");
    const y = tupleAfter(i.prompt, "y");
    const w = tupleAfter(i.prompt, "w");
    const [mu, sd] = i.prompt.split("\\mathcal N(")[1].split("^2)")[0].split(", ").map(Number);
    const want = rows.reduce((s, r, n) => {
      const pred = r.reduce((t, v, j) => t + v * w[j], 0);
      return s + (y[n] - mu * pred) ** 2 +
        sd ** 2 * r.reduce((t, v, j) => t + v * v * w[j] ** 2, 0);
    }, 0);
    close(numericValue(i), [want], `seed ${seed}`);
  }
});

Deno.test("sigmoidOrders({a: 1, x: 2, rate: 0.4}) is (σ(2)/0.6, σ(2/0.6)), homework 6 problem 1", () => {
  close(numericValue(sigmoidOrders({ a: 1, x: 2, rate: 0.4 })), [
    sigmoid(2) / 0.6,
    sigmoid(2 / 0.6),
  ], "orders");
});

Deno.test("ridgeFit({X: [[3, 0], [4, 1], [0, -2]], y: (1, -2, 3), λ: 1}) is (1/70, −47/35)", () => {
  close(numericValue(ridgeFit({ data: SMALL, lambda: 1 })), [1 / 70, -47 / 35], "w");
});

Deno.test("gaussianLoss({X: [[3, 0], [4, 1], [0, -2]], y: (1, -2, 3), w: (1, 2), μ: 1, σ: 0.5}) is 117 + 0.25·45", () => {
  close(numericValue(gaussianLoss({ data: SMALL, mean: 1, sd: 0.5 })), [117 + 0.25 * 45], "loss");
});
