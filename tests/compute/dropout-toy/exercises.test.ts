import assert from "node:assert/strict";
import type { Exercise, ExerciseInstance, NumericAnswer } from "../../../src/compute/exercise.ts";
import { RESULTS } from "../../../src/courseResults.ts";
import {
  dropoutFit,
  equalShares,
  EXERCISES,
  featurePenalties,
  lossFloor,
  minNormFit,
  optimiserAgreement,
  rateZeroLimit,
} from "../../../src/compute/dropout-toy/exercises.ts";

const PAGE = "dropout-toy";
const SEEDS = Array.from({ length: 1000 }, (_, s) => s);
const COURSE = { x: [10, 1], y: 11 };

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

Deno.test("EXERCISES: ids, pages and sources match dropout-toy's course results, one exercise or more per result", () => {
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

Deno.test("generate(seed) is deterministic for every dropout-toy exercise", () => {
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

Deno.test("minNormFit({x: (10, 1), y: 11}) is (110/101, 11/101), homework 5 5(a)", () => {
  close(numericValue(minNormFit(COURSE)), [110 / 101, 11 / 101], "w");
});

Deno.test("dropoutFit({x: (10, 1), y: 11, rate: 0.5}) is (11/30, 11/3), homework 5 5(c)", () => {
  close(numericValue(dropoutFit({ data: COURSE, rate: 0.5 })), [11 / 30, 11 / 3], "w");
});

Deno.test("equalShares({x: (10, 1), y: 11, rate: 0.5}) is 11/3, homework 5 5(f)", () => {
  close(numericValue(equalShares({ data: COURSE, rate: 0.5 })), [11 / 3], "x_j w_j");
});

Deno.test("rateZeroLimit({x: (10, 1), y: 11}) is (0.55, 5.5), homework 5 5(g)", () => {
  close(numericValue(rateZeroLimit(COURSE)), [0.55, 5.5], "w");
});

Deno.test("lossFloor({x: (10, 1), y: 11, rate: 0.5}) is 121/3, the mean of 121/9 (three masks) and 121", () => {
  close(numericValue(lossFloor({ data: COURSE, rate: 0.5 })), [(3 * 121 / 9 + 121) / 4], "loss");
});

Deno.test("featurePenalties({rows: [(10, 1)], keep: p}) is ((1 − p)/p)·(100, 1), worked exercises 2.2", () => {
  for (const keep of [0.25, 0.5, 0.8]) {
    close(
      numericValue(featurePenalties({ rows: [[10, 1]], keep })),
      [100, 1].map((s) => ((1 - keep) / keep) * s),
      `p = ${keep}`,
    );
  }
});

Deno.test("optimiserAgreement({rate: 0.5, dropout}) picks the shared fit with dropout and the split without", () => {
  const on = optimiserAgreement({ rate: 0.5, dropout: true }, 3);
  const off = optimiserAgreement({ rate: 0.5, dropout: false }, 3);
  assert.ok(on.answer.kind === "choice" && off.answer.kind === "choice");
  assert.match(
    on.answer.options[on.answer.correct],
    /^Both end near the same fit, \$w = \(0\.3667, 3\.667\)\$/,
  );
  assert.match(
    off.answer.options[off.answer.correct],
    /^SGD ends near the least-norm fit \$w = \(1\.089, 0\.1089\)\$; Adam/,
  );
});

/** The closed forms written out again, independently of dropoutToy.ts. */
Deno.test("generate(seed), seeds 0..999: answers equal the closed forms y x/‖x‖², y(1 − r)/(x_j(d(1 − r) + r)), y/(d x_j) and the mask average", () => {
  for (const seed of SEEDS) {
    const fit = byId("least-norm-fit").generate(seed);
    const x = fit.prompt.match(/\$x = \(([^)]*)\)\$/)![1].split(", ").map(Number);
    const y = Number(fit.prompt.match(/\$y = (-?[\d.]+)\$/)![1]);
    const norm2 = x.reduce((s, v) => s + v * v, 0);
    close(numericValue(fit), x.map((v) => (v * y) / norm2), `least-norm ${seed}`);
    const d = x.length;
    close(
      numericValue(byId("rate-zero-limit").generate(seed)),
      x.map((v) => y / (d * v)),
      `limit ${seed}`,
    );

    const drop = byId("dropout-fit").generate(seed);
    const [dx, dy, r] = dataAndRate(drop.prompt);
    const want = dx.map((v) => (dy * (1 - r)) / (v * (dx.length * (1 - r) + r)));
    close(numericValue(drop), want, `dropout fit ${seed}`);

    const shares = byId("equal-shares").generate(seed);
    const [sx, sy, sr] = dataAndRate(shares.prompt);
    close(numericValue(shares), [(sy * (1 - sr)) / (sx.length * (1 - sr) + sr)], `share ${seed}`);

    const floor = byId("loss-floor").generate(seed);
    const [fx, fy, fr] = dataAndRate(floor.prompt);
    close(numericValue(floor), [maskAverage(fx, fy, fr)], `floor ${seed}`);
  }
});

function dataAndRate(prompt: string): [number[], number, number] {
  const x = prompt.match(/\$x = \(([^)]*)\)\$/)![1].split(", ").map(Number);
  const y = Number(prompt.match(/\$y = (-?[\d.]+)\$/)![1]);
  const r = Number(prompt.match(/\$r = ([\d.]+)\$/)![1]);
  return [x, y, r];
}

/** E over masks of (y − w·x̃)² at the closed-form minimiser, by enumerating the 2^d masks. */
function maskAverage(x: number[], y: number, r: number): number {
  const d = x.length;
  const q = 1 - r;
  const w = x.map((v) => (y * q) / (v * (d * q + r)));
  let total = 0;
  for (let mask = 0; mask < 2 ** d; mask++) {
    let p = 1;
    let pred = 0;
    for (let j = 0; j < d; j++) {
      const kept = (mask >> j) & 1;
      p *= kept ? q : r;
      if (kept) pred += (x[j] / q) * w[j];
    }
    total += p * (y - pred) ** 2;
  }
  return total;
}
