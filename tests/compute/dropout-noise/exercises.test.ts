import { sigmoid } from "../../../src/compute/activations.ts";
import {
  commonNorm,
  expectedDropoutLoss,
  gaussianLoss,
  matchingNoise,
  rescaledData,
  ridgeFit,
  sigmoidOrders,
  tikhonovPenalty,
} from "../../../src/compute/dropout-noise/exercises.ts";
import {
  answerEntries,
  assertSameEntries,
  exerciseNamed,
  matrixAfter,
  numberAfter,
  SEEDS,
  tupleAfter,
} from "../exerciseValues.ts";

const PAGE = "dropout-noise";

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
  assertSameEntries(
    answerEntries(expectedDropoutLoss({ data: SMALL, keep: 0.5 })),
    [
      enumeratedDropoutLoss(SMALL.rows, SMALL.y, SMALL.w, 0.5),
    ],
    1e-9,
    "loss",
  );
  for (const seed of SEEDS.slice(0, 200)) {
    const i = exerciseNamed(PAGE, "expected-loss").generate(seed);
    const want = enumeratedDropoutLoss(
      matrixAfter(i.prompt, "X"),
      tupleAfter(i.prompt, "y"),
      tupleAfter(i.prompt, "w"),
      numberAfter(i.prompt, "p"),
    );
    assertSameEntries(answerEntries(i), [want], 1e-9, `seed ${seed}`);
  }
});

Deno.test("tikhonovPenalty({X: [[3, 0], [4, 1], [0, -2]], w: (1, 2), p}) is ((1 − p)/p)·(25 + 5·4), homework 5 4(b)", () => {
  for (const keep of [0.25, 0.5, 0.8]) {
    assertSameEntries(
      answerEntries(tikhonovPenalty({ data: SMALL, keep })),
      [((1 - keep) / keep) * 45],
      1e-9,
      `p = ${keep}`,
    );
  }
  for (const seed of SEEDS) {
    const i = exerciseNamed(PAGE, "tikhonov-penalty").generate(seed);
    const rows = matrixAfter(i.prompt, "X");
    const w = tupleAfter(i.prompt, "w");
    const p = numberAfter(i.prompt, "p");
    const sum = w.reduce((s, wj, j) => s + rows.reduce((t, r) => t + r[j] ** 2, 0) * wj ** 2, 0);
    assertSameEntries(answerEntries(i), [((1 - p) / p) * sum], 1e-9, `seed ${seed}`);
  }
});

Deno.test("rescaledData({X with columns (1, 2, 2) and (2, 3, 6), p: 0.8}) divides them by 3/2 and 7/2", () => {
  const i = rescaledData({ rows: [[1, 2], [2, 3], [2, 6]], keep: 0.8 });
  assertSameEntries(answerEntries(i), [2 / 3, 4 / 7, 4 / 3, 6 / 7, 4 / 3, 12 / 7], 1e-9, "X̃");
  for (const seed of SEEDS) {
    const g = exerciseNamed(PAGE, "rescaled-data").generate(seed);
    const rows = matrixAfter(g.prompt, "X");
    const p = numberAfter(g.prompt, "p");
    const norms = [0, 1].map((j) => Math.hypot(...rows.map((r) => r[j])));
    const c = Math.sqrt(p / (1 - p));
    assertSameEntries(
      answerEntries(g),
      rows.flatMap((r) => r.map((v, j) => (c * v) / norms[j])),
      1e-9,
      `seed ${seed}`,
    );
  }
});

Deno.test("commonNorm({p: 0.75}) is √3, homework 5 4(d); every seed gives √(p/(1 − p))", () => {
  assertSameEntries(
    answerEntries(commonNorm({ rows: SMALL.rows, keep: 0.75 })),
    [Math.sqrt(3)],
    1e-9,
    "norm",
  );
  for (const seed of SEEDS) {
    const i = exerciseNamed(PAGE, "common-norm").generate(seed);
    const p = numberAfter(i.prompt, "p");
    assertSameEntries(answerEntries(i), [Math.sqrt(p / (1 - p))], 1e-9, `seed ${seed}`);
  }
});

Deno.test("ridgeFit({X, y, λ}) solves the 2 × 2 system (XᵀX + λI)w = Xᵀy by Cramer's rule, worked exercises 2.3", () => {
  for (const seed of SEEDS) {
    const i = exerciseNamed(PAGE, "ridge-fit").generate(seed);
    const rows = matrixAfter(i.prompt, "X");
    const y = tupleAfter(i.prompt, "y");
    const lambda = Number(i.prompt.split("\\lambda = ")[1].match(/^[\d.]+/)![0]);
    const g = (j: number, k: number) =>
      rows.reduce((s, r) => s + r[j] * r[k], 0) + (j === k ? lambda : 0);
    const b = [0, 1].map((j) => rows.reduce((s, r, n) => s + r[j] * y[n], 0));
    const det = g(0, 0) * g(1, 1) - g(0, 1) ** 2;
    assertSameEntries(
      answerEntries(i),
      [
        (b[0] * g(1, 1) - g(0, 1) * b[1]) / det,
        (g(0, 0) * b[1] - g(0, 1) * b[0]) / det,
      ],
      1e-9,
      `seed ${seed}`,
    );
  }
});

Deno.test("matchingNoise({p, inverted}) is (p, p(1 − p)) for plain masks and (1, (1 − p)/p) for inverted ones, homework 5 Q8", () => {
  for (const keep of [0.25, 0.5, 0.8]) {
    assertSameEntries(
      answerEntries(matchingNoise({ keep, inverted: false })),
      [keep, keep * (1 - keep)],
      1e-9,
      `plain ${keep}`,
    );
    assertSameEntries(
      answerEntries(matchingNoise({ keep, inverted: true })),
      [1, (1 - keep) / keep],
      1e-9,
      `inverted ${keep}`,
    );
  }
});

Deno.test("gaussianLoss({X, y, w, μ, σ}) is Σᵢ (yᵢ − μ(Xw)ᵢ)² + σ² Σᵢⱼ Xᵢⱼ² wⱼ², homework 5 Q8", () => {
  for (const seed of SEEDS) {
    const i = exerciseNamed(PAGE, "gaussian-loss").generate(seed);
    const rows = matrixAfter(i.prompt, "X");
    const y = tupleAfter(i.prompt, "y");
    const w = tupleAfter(i.prompt, "w");
    const [mu, sd] = i.prompt.split("\\mathcal N(")[1].split("^2)")[0].split(", ").map(Number);
    const want = rows.reduce((s, r, n) => {
      const pred = r.reduce((t, v, j) => t + v * w[j], 0);
      return s + (y[n] - mu * pred) ** 2 +
        sd ** 2 * r.reduce((t, v, j) => t + v * v * w[j] ** 2, 0);
    }, 0);
    assertSameEntries(answerEntries(i), [want], 1e-9, `seed ${seed}`);
  }
});

Deno.test("sigmoidOrders({a: 1, x: 2, rate: 0.4}) is (σ(2)/0.6, σ(2/0.6)), homework 6 problem 1", () => {
  assertSameEntries(
    answerEntries(sigmoidOrders({ a: 1, x: 2, rate: 0.4 })),
    [
      sigmoid(2) / 0.6,
      sigmoid(2 / 0.6),
    ],
    1e-9,
    "orders",
  );
});

Deno.test("ridgeFit({X: [[3, 0], [4, 1], [0, -2]], y: (1, -2, 3), λ: 1}) is (1/70, −47/35)", () => {
  assertSameEntries(
    answerEntries(ridgeFit({ data: SMALL, lambda: 1 })),
    [1 / 70, -47 / 35],
    1e-9,
    "w",
  );
});

Deno.test("gaussianLoss({X: [[3, 0], [4, 1], [0, -2]], y: (1, -2, 3), w: (1, 2), μ: 1, σ: 0.5}) is 117 + 0.25·45", () => {
  assertSameEntries(
    answerEntries(gaussianLoss({ data: SMALL, mean: 1, sd: 0.5 })),
    [117 + 0.25 * 45],
    1e-9,
    "loss",
  );
});
