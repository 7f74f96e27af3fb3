import assert from "node:assert/strict";
import {
  columnNorms,
  generateRegression,
  multiply,
  normalEquations,
  type Regression,
  squaredDistance,
} from "../../src/compute/regression.ts";
import {
  coefficientPaths,
  commonColumnNorm,
  dropoutExpectedLoss,
  dropoutLambda,
  dropoutMinimiser,
  dropoutViaRescaledRidge,
  expectedLoss,
  gaussianMatchingDropout,
  gaussianNoiseExpectedLoss,
  invertedDropoutExpectedLoss,
  keepGrid,
  keepProbability,
  keptShares,
  type MaskModel,
  matchedRidgeLambda,
  penalisedSolver,
  penaltyNorm,
  rescaleColumns,
  ridgeMinimiser,
  scaleColumn,
} from "../../src/compute/tikhonov.ts";

/** Relative agreement (for quantities computed to machine precision by two routes). */
const close = (got: number, want: number, tol: number, what: string) =>
  assert.ok(
    Math.abs(got - want) <= tol * Math.max(Math.abs(want), 1e-300),
    `${what}: ${got} vs ${want} (relative ${Math.abs(got - want) / Math.abs(want)})`,
  );

const closeVec = (got: ArrayLike<number>, want: ArrayLike<number>, tol: number, what: string) => {
  const scale = Math.max(...Array.from(want, Math.abs));
  for (let j = 0; j < want.length; j++) {
    assert.ok(
      Math.abs(got[j] - want[j]) <= tol * scale,
      `${what}[${j}]: ${got[j]} vs ${want[j]}`,
    );
  }
};

/** A tiny problem (6 mask entries) whose expectations can be enumerated exactly. */
const tiny = generateRegression({ n: 2, d: 3, noise: 0.7, seed: 21 });
const tinyW = [0.9, -1.3, 0.4];

/**
 * E‖y − (R∘X)w‖² by enumerating all 2^(nd) matrices R whose entries independently take `values`
 * with `probabilities`: no closed form involved.
 */
function enumeratedLoss(
  problem: Regression,
  w: readonly number[],
  values: [number, number],
  probabilities: [number, number],
): number {
  const { n, d, x, y } = problem;
  const entries = n * d;
  let total = 0;
  for (let code = 0; code < 2 ** entries; code++) {
    let probability = 1;
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let prediction = 0;
      for (let j = 0; j < d; j++) {
        const bit = (code >> (i * d + j)) & 1;
        probability *= probabilities[bit];
        prediction += values[bit] * x[i * d + j] * w[j];
      }
      loss += (y[i] - prediction) ** 2;
    }
    total += probability * loss;
  }
  return total;
}

const KEEPS = [0.05, 0.3, 0.5, 0.8, 0.99, 1];

Deno.test("dropoutExpectedLoss(problem, w, p) = ‖y − pXw‖² + p(1−p)‖Γw‖², the exact mean over all 64 plain masks", () => {
  for (const p of KEEPS) {
    const exact = enumeratedLoss(tiny, tinyW, [0, 1], [1 - p, p]);
    const closed = dropoutExpectedLoss(tiny, tinyW, p);
    close(closed.total, exact, 1e-13, `p = ${p}`);
    close(closed.fit, squaredDistance(tiny.y, multiply(tiny, tinyW), p), 1e-15, "fit");
    close(closed.penalty, p * (1 - p) * penaltyNorm(tiny, tinyW), 1e-15, "penalty");
  }
});

Deno.test("invertedDropoutExpectedLoss(problem, w, p) = ‖y − Xw‖² + ((1−p)/p)‖Γw‖², the exact mean over all 64 inverted masks", () => {
  for (const p of KEEPS) {
    const exact = enumeratedLoss(tiny, tinyW, [0, 1 / p], [1 - p, p]);
    close(invertedDropoutExpectedLoss(tiny, tinyW, p).total, exact, 1e-13, `p = ${p}`);
  }
});

Deno.test("gaussianNoiseExpectedLoss(problem, w, μ, σ) = ‖y − μXw‖² + σ²‖Γw‖², exact for every two-moment-matched R", () => {
  // The loss is quadratic in the independent entries of R, so its mean depends on their first two
  // moments only: R_ij = μ ± σ with probability ½ each has the mean of R_ij ~ N(μ, σ²).
  for (const [mu, sd] of [[1, 0], [1, 0.5], [0.5, 1], [0, 2], [-1.5, 0.3], [2, 1.5]]) {
    const exact = enumeratedLoss(tiny, tinyW, [mu - sd, mu + sd], [0.5, 0.5]);
    close(
      gaussianNoiseExpectedLoss(tiny, tinyW, mu, sd).total,
      exact,
      1e-13,
      `μ = ${mu}, σ = ${sd}`,
    );
  }
});

Deno.test("homework 5 Q8: of the offered choices only A = μ and B = σ² fit E‖y − (R∘X)w‖² = ‖y − A·Xw‖² + B‖Γw‖²", () => {
  const mu = 0.7;
  const sd = 1.3;
  const exact = enumeratedLoss(tiny, tinyW, [mu - sd, mu + sd], [0.5, 0.5]);
  const prediction = multiply(tiny, tinyW);
  const gammaW = penaltyNorm(tiny, tinyW);
  const A = { "μ": mu, "σ": sd, "2μ": 2 * mu, "2σ": 2 * sd, "μ/2": mu / 2, "σ/2": sd / 2 };
  const B = {
    "μ²": mu ** 2,
    "σ²": sd ** 2,
    "2μ²": 2 * mu ** 2,
    "2σ²": 2 * sd ** 2,
    "μ²/2": mu ** 2 / 2,
    "σ²/2": sd ** 2 / 2,
  };
  const fits: string[] = [];
  for (const [a, av] of Object.entries(A)) {
    for (const [b, bv] of Object.entries(B)) {
      const value = squaredDistance(tiny.y, prediction, av) + bv * gammaW;
      if (Math.abs(value - exact) <= 1e-12 * exact) fits.push(`${a}, ${b}`);
    }
  }
  assert.deepEqual(fits, ["μ, σ²"]);
});

Deno.test("homework 5 Q8 hint: μ = 1, σ = 0 leaves the plain loss ‖y − Xw‖²; large σ with μ = 0 drives the best w to 0", () => {
  const plain = squaredDistance(tiny.y, multiply(tiny, tinyW));
  assert.equal(gaussianNoiseExpectedLoss(tiny, tinyW, 1, 0).total, plain);
  assert.equal(gaussianNoiseExpectedLoss(tiny, tinyW, 1, 0).penalty, 0);
  // With μ = 0 the fit term is ‖y‖² whatever w is, so only w = 0 avoids the penalty.
  const atZero = gaussianNoiseExpectedLoss(tiny, [0, 0, 0], 0, 1e3).total;
  assert.equal(atZero, squaredDistance(tiny.y, [0, 0]));
  assert.ok(gaussianNoiseExpectedLoss(tiny, [1e-3, 0, 0], 0, 1e3).total > atZero);
});

Deno.test("gaussianMatchingDropout(p): N(p, p(1−p)) gives dropout's loss, N(1, (1−p)/p) inverted dropout's", () => {
  const problem = generateRegression({ n: 30, d: 4, noise: 0.5, seed: 2 });
  const w = [0.3, -0.8, 1.1, 0.05];
  for (const p of [0.1, 0.5, 0.75, 1]) {
    const plain = gaussianMatchingDropout(p);
    assert.equal(plain.mean, p);
    close(plain.sd ** 2, p * (1 - p), 1e-15, "σ²");
    close(
      gaussianNoiseExpectedLoss(problem, w, plain.mean, plain.sd).total,
      dropoutExpectedLoss(problem, w, p).total,
      1e-14,
      `plain, p = ${p}`,
    );
    const inverted = gaussianMatchingDropout(p, true);
    assert.equal(inverted.mean, 1);
    close(
      gaussianNoiseExpectedLoss(problem, w, inverted.mean, inverted.sd).total,
      invertedDropoutExpectedLoss(problem, w, p).total,
      1e-14,
      `inverted, p = ${p}`,
    );
  }
});

const problem = generateRegression({ n: 60, d: 5, noise: 0.5, seed: 4 });

Deno.test("dropoutLambda(p) = (1−p)/p: 0 at p = 1, 1 at p = ½, growing without bound as p → 0", () => {
  assert.equal(dropoutLambda(1), 0);
  assert.equal(dropoutLambda(0.5), 1);
  assert.equal(dropoutLambda(0.25), 3);
  assert.equal(dropoutLambda(0.2), 4);
  assert.ok(dropoutLambda(1e-6) > 999_998);
  const grid = keepGrid(30);
  for (let k = 1; k < grid.length; k++) {
    assert.ok(dropoutLambda(grid[k]) < dropoutLambda(grid[k - 1]));
  }
});

Deno.test("dropoutMinimiser(problem, p): p·w̌ solves (XᵀX + ((1−p)/p)Γ²)v = Xᵀy", () => {
  const { xtx, xty } = normalEquations(problem);
  const gamma = columnNorms(problem);
  const d = problem.d;
  for (const p of [0.1, 0.5, 0.9, 1]) {
    const { w, wCheck, lambda } = dropoutMinimiser(problem, p);
    closeVec(wCheck.map((v) => p * v), w, 1e-15, "p·w̌");
    for (let j = 0; j < d; j++) {
      let s = lambda * gamma[j] ** 2 * w[j];
      for (let k = 0; k < d; k++) s += xtx[j * d + k] * w[k];
      close(s, xty[j], 1e-10, `p = ${p}, row ${j}`);
    }
  }
});

Deno.test("dropoutMinimiser(problem, p).wCheck minimises the expected loss: its gradient 2p(pXᵀXw̌ + (1−p)Γ²w̌ − Xᵀy) vanishes and every nudge costs", () => {
  const { xtx, xty } = normalEquations(problem);
  const gamma = columnNorms(problem);
  const d = problem.d;
  for (const p of [0.2, 0.6]) {
    const { wCheck } = dropoutMinimiser(problem, p);
    for (let j = 0; j < d; j++) {
      let g = (1 - p) * gamma[j] ** 2 * wCheck[j] - xty[j];
      for (let k = 0; k < d; k++) g += p * xtx[j * d + k] * wCheck[k];
      assert.ok(Math.abs(2 * p * g) <= 1e-10 * Math.abs(xty[j]) + 1e-12, `gradient ${j}: ${g}`);
    }
    const best = dropoutExpectedLoss(problem, wCheck, p).total;
    for (let j = 0; j < d; j++) {
      for (const step of [-1e-3, 1e-3]) {
        const nudged = wCheck.slice();
        nudged[j] += step;
        assert.ok(dropoutExpectedLoss(problem, nudged, p).total > best);
      }
    }
  }
});

Deno.test("dropoutMinimiser(problem, 1) is least squares, and equals ridgeMinimiser(problem, 0)", () => {
  const { xtx, xty } = normalEquations(problem);
  const { w } = dropoutMinimiser(problem, 1);
  closeVec(w, ridgeMinimiser(problem, 0), 1e-13, "p = 1 vs λ = 0");
  for (let j = 0; j < problem.d; j++) {
    let s = 0;
    for (let k = 0; k < problem.d; k++) s += xtx[j * problem.d + k] * w[k];
    close(s, xty[j], 1e-10, `normal equation ${j}`);
  }
});

Deno.test("ridgeMinimiser(problem, λ) solves (XᵀX + λI)w = Xᵀy", () => {
  const { xtx, xty } = normalEquations(problem);
  for (const lambda of [0.1, 10, 1000]) {
    const w = ridgeMinimiser(problem, lambda);
    for (let j = 0; j < problem.d; j++) {
      let s = lambda * w[j];
      for (let k = 0; k < problem.d; k++) s += xtx[j * problem.d + k] * w[k];
      close(s, xty[j], 1e-10, `λ = ${lambda}, row ${j}`);
    }
  }
});

Deno.test("w = p·w̌: dropout's loss at w̌ is ‖y − Xw‖² + ((1−p)/p)‖Γw‖², inverted dropout's loss at w", () => {
  const wCheck = [0.4, -0.2, 1.3, 0.7, -0.9];
  for (const p of [0.15, 0.5, 0.85]) {
    const w = wCheck.map((v) => p * v);
    const tikhonov = squaredDistance(problem.y, multiply(problem, w)) +
      dropoutLambda(p) * penaltyNorm(problem, w);
    close(dropoutExpectedLoss(problem, wCheck, p).total, tikhonov, 1e-13, `p = ${p}`);
    close(invertedDropoutExpectedLoss(problem, w, p).total, tikhonov, 1e-13, `inverted, p = ${p}`);
  }
});

Deno.test("rescaleColumns(problem): every column of X̃ = XΓ⁻¹ has norm 1, and ridge on X̃ gives back p·w̌ (dropoutViaRescaledRidge)", () => {
  const { normsAfter, normsBefore } = rescaleColumns(problem);
  normsAfter.forEach((g) => close(g, 1, 1e-14, "‖x̃_j‖"));
  closeVec(normsBefore, columnNorms(problem), 0, "Γ");
  // The columns differ by more than 10× before.
  assert.ok(Math.max(...normsBefore) / Math.min(...normsBefore) > 10);
  for (const p of [0.05, 0.3, 0.7, 1]) {
    closeVec(
      dropoutViaRescaledRidge(problem, p).w,
      dropoutMinimiser(problem, p).w,
      1e-12,
      `p = ${p}`,
    );
  }
});

Deno.test("commonColumnNorm(p): with Γ = √((1−p)/p)·diag(XᵀX)^½, every column of XΓ⁻¹ has norm √(p/(1−p))", () => {
  const gamma = columnNorms(problem);
  for (const p of [0.1, 0.5, 0.9]) {
    const factor = Math.sqrt((1 - p) / p);
    const x = problem.x.map((v, k) => v / (factor * gamma[k % problem.d]));
    const norms = columnNorms({ n: problem.n, d: problem.d, x });
    norms.forEach((g) => close(g, commonColumnNorm(p), 1e-14, `p = ${p}`));
    close(commonColumnNorm(p), Math.sqrt(p / (1 - p)), 1e-15, "c");
  }
  assert.equal(commonColumnNorm(1), Infinity);
});

Deno.test("scaleColumn: the dropout fit is scale-equivariant (w_j ÷ s, same predictions); ridge's is not", () => {
  const p = 0.5;
  const j = 1;
  const s = 8;
  const scaled = scaleColumn(problem, j, s);
  const before = dropoutMinimiser(problem, p).w;
  const after = dropoutMinimiser(scaled, p).w;
  closeVec(after, before.map((v, k) => (k === j ? v / s : v)), 1e-12, "dropout weights");
  closeVec(multiply(scaled, after), multiply(problem, before), 1e-12, "dropout predictions");
  const lambda = 20;
  const ridgeBefore = multiply(problem, ridgeMinimiser(problem, lambda));
  const ridgeAfter = multiply(scaled, ridgeMinimiser(scaled, lambda));
  const change = Math.sqrt(squaredDistance(ridgeAfter, ridgeBefore)) /
    Math.sqrt(squaredDistance(ridgeBefore, new Float64Array(problem.n)));
  assert.ok(change > 0.01, `ridge predictions moved by only ${change}`);
});

Deno.test("penalties: dropout charges w_j by its feature's squared norm p(1−p)‖x_j‖², ridge charges every weight λ", () => {
  const gamma = columnNorms(problem);
  for (let j = 0; j < problem.d; j++) {
    const unit = new Array(problem.d).fill(0);
    unit[j] = 1;
    const { penalty } = dropoutExpectedLoss(problem, unit, 0.3);
    close(penalty, 0.3 * 0.7 * gamma[j] ** 2, 1e-15, `feature ${j}`);
  }
  // Matched ridge λ: the mean of dropout's per-feature coefficients ((1−p)/p)‖x_j‖².
  const mean = gamma.reduce((s, g) => s + g * g, 0) / problem.d;
  close(matchedRidgeLambda(problem, 0.4), 1.5 * mean, 1e-15, "λ_ridge");
});

Deno.test("coefficientPaths(problem): ‖Γ p·w̌‖ shrinks as p falls, and both paths meet least squares at p = 1", () => {
  const grid = keepGrid(25);
  const rows = coefficientPaths(problem, grid);
  assert.equal(rows.length, grid.length * problem.d);
  const gamma = columnNorms(problem);
  const penaltyAt = grid.map((p) =>
    rows.filter((r) => r.p === p).reduce((s, r) => s + (gamma[r.feature - 1] * r.dropout) ** 2, 0)
  );
  for (let k = 1; k < grid.length; k++) assert.ok(penaltyAt[k] >= penaltyAt[k - 1]);
  const ls = ridgeMinimiser(problem, 0);
  const last = rows.filter((r) => r.p === 1);
  closeVec(last.map((r) => r.dropout), ls, 1e-12, "dropout at p = 1");
  closeVec(last.map((r) => r.ridge), ls, 1e-12, "ridge at p = 1");
});

Deno.test("keptShares(problem, p): with orthogonal columns dropout keeps exactly p of every least-squares coefficient, ridge keeps ‖x_j‖²/(‖x_j‖² + λ)", () => {
  // Columns on the four coordinate axes of R⁴ (orthogonal), with norms 0.5, 2, 8 and 1.
  const norms = [0.5, 2, 8, 1];
  const x = new Float64Array(16);
  norms.forEach((g, j) => (x[j * 4 + j] = g));
  const orthogonal: Regression = {
    n: 4,
    d: 4,
    x,
    y: Float64Array.from([1, -2, 0.5, 3]),
    wTrue: new Float64Array(4),
    scales: new Float64Array(4),
  };
  for (const p of [0.2, 0.5, 0.9]) {
    const lambda = matchedRidgeLambda(orthogonal, p);
    keptShares(orthogonal, p).forEach((share, j) => {
      close(share.dropout, p, 1e-14, `dropout, p = ${p}, feature ${j}`);
      close(share.ridge, norms[j] ** 2 / (norms[j] ** 2 + lambda), 1e-14, `ridge, feature ${j}`);
    });
  }
});

Deno.test("keptShares(problem, 0.8) on the page's default problem: dropout keeps most of the smallest column's coefficient, ridge almost none", () => {
  const page = generateRegression({ n: 50, d: 5, noise: 0.5, seed: 1 });
  const gamma = columnNorms(page);
  const smallest = gamma.indexOf(Math.min(...gamma));
  const share = keptShares(page, 0.8)[smallest];
  assert.ok(share.dropout > 0.7 && share.dropout < 0.9, `dropout keeps ${share.dropout}`);
  assert.ok(share.ridge < 0.15, `ridge keeps ${share.ridge}`);
});

Deno.test("keepGrid(count): evenly spaced, ending exactly at p = 1", () => {
  for (const count of [2, 25, 50, 51]) {
    const grid = keepGrid(count);
    assert.equal(grid.length, count);
    assert.equal(grid.at(-1), 1);
    assert.ok(Math.abs(grid[0] - 0.02) < 1e-15);
  }
});

Deno.test("penalisedSolver(problem): the fast Cholesky path equals the QR minimisers, including n < d at p = 1", () => {
  for (const spec of [{ n: 60, d: 5 }, { n: 400, d: 7 }, { n: 3, d: 6 }, { n: 1, d: 1 }]) {
    const p = generateRegression({ ...spec, noise: 0.5, seed: 8 });
    const solve = penalisedSolver(p);
    const gamma2 = Array.from(columnNorms(p), (g) => g * g);
    for (const keep of [0.05, 0.5, 0.97, 1]) {
      const lambda = dropoutLambda(keep);
      closeVec(
        solve(gamma2.map((g2) => lambda * g2)),
        dropoutMinimiser(p, keep).w,
        1e-10,
        `${JSON.stringify(spec)}, p = ${keep}`,
      );
      const ridgeLambda = matchedRidgeLambda(p, keep);
      closeVec(
        solve(gamma2.map(() => ridgeLambda)),
        ridgeMinimiser(p, ridgeLambda),
        1e-10,
        `ridge, p = ${keep}`,
      );
    }
  }
});

Deno.test("bad inputs: p outside (0, 1], σ < 0, NaN and wrong sizes get RangeErrors that say what is allowed", () => {
  assert.throws(() => keepProbability(0), /keep probability p must be in \(0, 1\]; got 0/);
  assert.throws(
    () => dropoutMinimiser(problem, 1.5),
    /keep probability p must be in \(0, 1\]; got 1\.5/,
  );
  assert.throws(
    () => dropoutExpectedLoss(problem, [1, 1, 1, 1, 1], NaN),
    /keep probability p must be in \(0, 1\]; got NaN/,
  );
  assert.throws(
    () => gaussianNoiseExpectedLoss(problem, [1, 1, 1, 1, 1], 1, -0.1),
    /noise standard deviation σ must be a finite number ≥ 0; got -0\.1/,
  );
  assert.throws(
    () => gaussianNoiseExpectedLoss(problem, [1, 1, 1, 1, 1], NaN, 1),
    /noise mean μ must be a finite number; got NaN/,
  );
  assert.throws(
    () => expectedLoss(problem, [1, 2], { kind: "gaussian", mean: 1, sd: 1 } as MaskModel),
    /w must have exactly 5 entries/,
  );
  assert.throws(() => ridgeMinimiser(problem, -1), /ridge penalty λ must be a finite number ≥ 0/);
  assert.throws(
    () => expectedLoss({ ...problem, n: 0 }, [1, 1, 1, 1, 1], { kind: "gaussian", mean: 1, sd: 1 }),
    /n \(rows\) must be an integer in \[1, 100000\]; got 0/,
  );
});
