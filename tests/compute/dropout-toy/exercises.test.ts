import assert from "node:assert/strict";
import {
  dropoutFit,
  equalShares,
  featurePenalties,
  lossFloor,
  minNormFit,
  optimiserAgreement,
  rateZeroLimit,
} from "../../../src/compute/dropout-toy/exercises.ts";
import {
  answerEntries,
  assertSameEntries,
  exerciseNamed,
  SEEDS,
  tupleEntries,
} from "../exerciseValues.ts";

const PAGE = "dropout-toy";
const COURSE = { x: [10, 1], y: 11 };

Deno.test("minNormFit({x: (10, 1), y: 11}) is (110/101, 11/101), homework 5 5(a)", () => {
  assertSameEntries(answerEntries(minNormFit(COURSE)), [110 / 101, 11 / 101], 1e-9, "w");
});

Deno.test("dropoutFit({x: (10, 1), y: 11, rate: 0.5}) is (11/30, 11/3), homework 5 5(c)", () => {
  assertSameEntries(
    answerEntries(dropoutFit({ data: COURSE, rate: 0.5 })),
    [11 / 30, 11 / 3],
    1e-9,
    "w",
  );
});

Deno.test("equalShares({x: (10, 1), y: 11, rate: 0.5}) is 11/3, homework 5 5(f)", () => {
  assertSameEntries(
    answerEntries(equalShares({ data: COURSE, rate: 0.5 })),
    [11 / 3],
    1e-9,
    "x_j w_j",
  );
});

Deno.test("rateZeroLimit({x: (10, 1), y: 11}) is (0.55, 5.5), homework 5 5(g)", () => {
  assertSameEntries(answerEntries(rateZeroLimit(COURSE)), [0.55, 5.5], 1e-9, "w");
});

Deno.test("lossFloor({x: (10, 1), y: 11, rate: 0.5}) is 121/3, the mean of 121/9 (three masks) and 121", () => {
  assertSameEntries(
    answerEntries(lossFloor({ data: COURSE, rate: 0.5 })),
    [(3 * 121 / 9 + 121) / 4],
    1e-9,
    "loss",
  );
});

Deno.test("featurePenalties({rows: [(10, 1)], keep: p}) is ((1 − p)/p)·(100, 1), worked exercises 2.2", () => {
  for (const keep of [0.25, 0.5, 0.8]) {
    assertSameEntries(
      answerEntries(featurePenalties({ rows: [[10, 1]], keep })),
      [100, 1].map((s) => ((1 - keep) / keep) * s),
      1e-9,
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
    const fit = exerciseNamed(PAGE, "least-norm-fit").generate(seed);
    const x = tupleEntries(fit.prompt.match(/\$x = \(([^)]*)\)\$/)![1]);
    const y = Number(fit.prompt.match(/\$y = (-?[\d.]+)\$/)![1]);
    const norm2 = x.reduce((s, v) => s + v * v, 0);
    assertSameEntries(
      answerEntries(fit),
      x.map((v) => (v * y) / norm2),
      1e-9,
      `least-norm ${seed}`,
    );
    const d = x.length;
    assertSameEntries(
      answerEntries(exerciseNamed(PAGE, "rate-zero-limit").generate(seed)),
      x.map((v) => y / (d * v)),
      1e-9,
      `limit ${seed}`,
    );

    const drop = exerciseNamed(PAGE, "dropout-fit").generate(seed);
    const [dx, dy, r] = dataAndRate(drop.prompt);
    const want = dx.map((v) => (dy * (1 - r)) / (v * (dx.length * (1 - r) + r)));
    assertSameEntries(answerEntries(drop), want, 1e-9, `dropout fit ${seed}`);

    const shares = exerciseNamed(PAGE, "equal-shares").generate(seed);
    const [sx, sy, sr] = dataAndRate(shares.prompt);
    assertSameEntries(
      answerEntries(shares),
      [(sy * (1 - sr)) / (sx.length * (1 - sr) + sr)],
      1e-9,
      `share ${seed}`,
    );

    const floor = exerciseNamed(PAGE, "loss-floor").generate(seed);
    const [fx, fy, fr] = dataAndRate(floor.prompt);
    assertSameEntries(answerEntries(floor), [maskAverage(fx, fy, fr)], 1e-9, `floor ${seed}`);
  }
});

function dataAndRate(prompt: string): [number[], number, number] {
  const x = tupleEntries(prompt.match(/\$x = \(([^)]*)\)\$/)![1]);
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
