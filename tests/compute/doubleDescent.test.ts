import assert from "node:assert/strict";
import {
  logGrid,
  quantileSorted,
  runSweepTrial,
  runTrial,
  summariseSweep,
  type SweepConfig,
  type TrialParams,
  Workspace,
} from "../../src/compute/doubleDescent.ts";
import {
  drawReluFeatures,
  drawTeacherData,
  trialStreams,
} from "../../src/compute/randomFeatures.ts";

/** Solves the SPD system a z = b (p×p) by Cholesky; a is overwritten. */
function choleskySolve(a: Float64Array, b: Float64Array, p: number): Float64Array {
  for (let j = 0; j < p; j++) {
    for (let k = 0; k <= j; k++) {
      let s = a[j * p + k];
      for (let m = 0; m < k; m++) s -= a[j * p + m] * a[k * p + m];
      a[j * p + k] = j === k ? Math.sqrt(s) : s / a[k * p + k];
    }
  }
  const z = b.slice();
  for (let j = 0; j < p; j++) {
    for (let m = 0; m < j; m++) z[j] -= a[j * p + m] * z[m];
    z[j] /= a[j * p + j];
  }
  for (let j = p - 1; j >= 0; j--) {
    for (let m = j + 1; m < p; m++) z[j] -= a[m * p + j] * z[m];
    z[j] /= a[j * p + j];
  }
  return z;
}

/** Train/val/test MSE by forming X̃ and solving (X̃ᵀX̃ + λI)θ = X̃ᵀY directly. */
function directTrial(params: TrialParams) {
  const { nTrain, nVal, p } = params;
  const streams = trialStreams(params.seed);
  const data = drawTeacherData(params, streams);
  const phi = drawReluFeatures(data, params.d, p, streams.features);
  const f = (i: number, j: number) => phi[j * data.nAll + i] / Math.sqrt(p);
  return Array.from(params.lambdas, (lambda) => {
    const a = new Float64Array(p * p);
    const b = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      for (let i = 0; i < nTrain; i++) b[j] += f(i, j) * data.y[i];
      for (let k = 0; k < p; k++) {
        for (let i = 0; i < nTrain; i++) a[j * p + k] += f(i, j) * f(i, k);
      }
      a[j * p + j] += lambda;
    }
    const theta = choleskySolve(a, b, p);
    const sse = [0, 0, 0];
    for (let i = 0; i < data.nAll; i++) {
      let pred = 0;
      for (let j = 0; j < p; j++) pred += f(i, j) * theta[j];
      sse[i < nTrain ? 0 : i < nTrain + nVal ? 1 : 2] += (data.y[i] - pred) ** 2;
    }
    return [sse[0] / nTrain, sse[1] / nVal, sse[2] / params.nTest];
  });
}

const small = { nTrain: 40, nVal: 12, nTest: 10, d: 5, sigma: 0.5, seed: 11 };

function assertRelClose(actual: number, expected: number, tol: number, what: string) {
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1e-3, Math.abs(expected)),
    `${what}: ${actual} vs ${expected}`,
  );
}

Deno.test("runTrial(params) matches a direct ridge solve in both regimes (p < N and p > N)", () => {
  for (const p of [1, 15, 40, 90]) {
    const lambdas = [0.01, 0.5, 20];
    const params = { ...small, p, lambdas };
    const result = runTrial(params);
    const expected = directTrial(params);
    lambdas.forEach((lambda, l) => {
      const what = `p = ${p}, λ = ${lambda}`;
      assertRelClose(result.trainError[l], expected[l][0], 1e-7, `${what} train`);
      assertRelClose(result.valError[l], expected[l][1], 1e-7, `${what} val`);
      assertRelClose(result.testError[l], expected[l][2], 1e-7, `${what} test`);
    });
    assert.equal(result.singularValues.length, Math.min(p, small.nTrain));
  }
});

Deno.test("runTrial(params).singularValues are descending with Σs² = ‖X̃‖²_F", () => {
  for (const p of [7, 40, 120]) {
    const { singularValues } = runTrial({ ...small, p, lambdas: [1] });
    const streams = trialStreams(small.seed);
    const data = drawTeacherData(small, streams);
    const phi = drawReluFeatures(data, small.d, p, streams.features);
    let frobenius = 0;
    for (let j = 0; j < p; j++) {
      for (let i = 0; i < small.nTrain; i++) frobenius += phi[j * data.nAll + i] ** 2 / p;
    }
    let sum = 0;
    singularValues.forEach((s, i) => {
      if (i > 0) assert.ok(s <= singularValues[i - 1]);
      sum += s * s;
    });
    assertRelClose(sum, frobenius, 1e-10, `p = ${p}: Σs²`);
  }
});

Deno.test("runSweepTrial(config, t) agrees with runTrial at each p, since features are nested", () => {
  const config: SweepConfig = {
    ...small,
    trials: 1,
    pGrid: [3, 20, 40, 41, 75],
    lambdaA: 0.01,
    lambdas: logGrid(0.01, 100, 7),
    spectrumP: [20, 75],
  };
  const sweep = runSweepTrial(config, 0, true);
  const workspace = new Workspace();
  config.pGrid.forEach((p, index) => {
    const one = runTrial({ ...small, seed: config.seed, p, lambdas: config.lambdas }, workspace);
    config.lambdas.forEach((_, l) => {
      const k = index * config.lambdas.length + l;
      assertRelClose(sweep.testError[k], one.testError[l], 1e-9, `p = ${p} test`);
      assertRelClose(sweep.trainError[k], one.trainError[l], 1e-6, `p = ${p} train`);
    });
  });
  assert.equal(sweep.spectra.length, 2);
  assert.equal(sweep.spectra[1].length, small.nTrain);
});

Deno.test("runTrial(params) throws a RangeError naming the parameter, its range and the value", () => {
  const good: TrialParams = { ...small, p: 10, lambdas: [0.1, 1] };
  const cases: [Partial<TrialParams>, RegExp][] = [
    [{ nTrain: 0 }, /nTrain must be an integer in \[1, 5000\], got 0/],
    [{ nTrain: 2.5 }, /nTrain must be an integer in \[1, 5000\], got 2.5/],
    [{ nVal: NaN }, /nVal must be an integer .*got NaN/],
    [{ p: 0 }, /p must be an integer in \[1, 20000\], got 0/],
    [{ p: 1.5 }, /p must be an integer .*got 1.5/],
    [{ d: -3 }, /d must be an integer .*got -3/],
    [{ sigma: -1 }, /sigma must be a finite number ≥ 0, got -1/],
    [{ lambdas: [0.1, -0.5] }, /lambdas\[1\] must be a finite number ≥ 0, got -0.5/],
    [{ lambdas: [NaN] }, /lambdas\[0\] must be a finite number ≥ 0, got NaN/],
    [{ lambdas: [] }, /lambdas.length must be an integer in \[1, 1000\], got 0/],
    [{ seed: Infinity }, /seed must be a finite number, got Infinity/],
  ];
  for (const [change, message] of cases) {
    assert.throws(() => runTrial({ ...good, ...change }), (error: unknown) => {
      assert.ok(error instanceof RangeError, `${JSON.stringify(change)} threw ${error}`);
      assert.match(error.message, message);
      return true;
    });
  }
});

Deno.test("quantileSorted(sorted, q) interpolates linearly between order statistics", () => {
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantileSorted([1, 2, 3, 4, 5], 0.25), 2);
  assert.equal(quantileSorted([7], 0.75), 7);
});

Deno.test("summariseSweep on a reduced sweep: curve A peaks near N_train, tuned λ removes the peak", () => {
  const nTrain = 300;
  const config: SweepConfig = {
    nTrain,
    nVal: 60,
    nTest: 30,
    d: 35,
    sigma: 0.5,
    seed: 1,
    trials: 6,
    pGrid: [1, 20, 100, 200, 240, 270, 285, 295, 300, 305, 315, 330, 360, 450, 700, 1000],
    lambdaA: 0.01,
    lambdas: logGrid(0.01, 100, 31),
    spectrumP: [],
  };
  const trials = Array.from({ length: config.trials }, (_, t) => runSweepTrial(config, t, false));
  const s = summariseSweep(config, trials);
  const a = s.curveA.test.median;
  const b = s.curveB.test.median;
  const peak = a.indexOf(Math.max(...a));
  const peakP = config.pGrid[peak];
  assert.ok(Math.abs(peakP - nTrain) <= 0.15 * nTrain, `curve A peaks at p = ${peakP}`);
  // Curve B is largest where the model underfits (p = 1, error ≈ ‖β*‖² + σ²), still well below A's
  // peak; around the interpolation threshold, where A peaks, B is lower by far more.
  const maxB = Math.max(...b);
  assert.ok(maxB * 1.5 < a[peak], `max B ${maxB} vs A peak ${a[peak]}`);
  config.pGrid.forEach((p, i) => {
    if (Math.abs(p - nTrain) <= 0.15 * nTrain) {
      assert.ok(b[i] * 3 < a[peak], `B(${p}) = ${b[i]} vs A peak ${a[peak]}`);
      assert.ok(b[i] < a[i], `B(${p}) = ${b[i]} ≥ A(${p}) = ${a[i]}`);
    }
  });
  for (const band of [s.curveA.test, s.curveB.test, s.curveB.lambda]) {
    band.median.forEach((m, i) => assert.ok(band.q25[i] <= m && m <= band.q75[i]));
  }
  for (const lambda of [...s.curveB.lambda.q25, ...s.curveB.lambda.q75]) {
    assert.ok(lambda >= 0.01 * (1 - 1e-12) && lambda <= 100 * (1 + 1e-12), `tuned λ ${lambda}`);
  }
  // Interpolation: with λ = 0.01 the training error all but vanishes past p = N.
  assert.ok(s.curveA.train.median[config.pGrid.indexOf(1000)] < 1e-3);
  const again = runSweepTrial(config, 0, false);
  assert.deepEqual(again.testError, trials[0].testError);
});
