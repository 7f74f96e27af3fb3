import assert from "node:assert/strict";
import {
  logGrid,
  quantileSorted,
  runSweepTrial,
  summariseSweep,
  type SweepConfig,
  validateSweepConfig,
} from "../../../src/compute/double-descent/doubleDescent.ts";
import {
  drawReluFeatures,
  drawTeacherData,
  trialStreams,
} from "../../../src/compute/double-descent/randomFeatures.ts";
import { directRidgeTrial } from "../../reference/directRidgeTrial.ts";

const small = { nTrain: 40, nVal: 12, nTest: 10, d: 5, sigma: 0.5, seed: 11 };

function assertRelClose(actual: number, expected: number, tol: number, what: string) {
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1e-3, Math.abs(expected)),
    `${what}: ${actual} vs ${expected}`,
  );
}

const smallConfig: SweepConfig = {
  ...small,
  trials: 1,
  pGrid: [1, 3, 15, 20, 40, 41, 75, 90],
  lambdaA: 0.01,
  lambdas: logGrid(0.01, 100, 7),
  spectrumP: [15, 40, 90],
};

Deno.test("runSweepTrial(config, t) matches a direct dense ridge solve at every p and λ, in both regimes", () => {
  const config = smallConfig;
  const sweep = runSweepTrial(config, 0, false);
  const count = config.lambdas.length;
  config.pGrid.forEach((p, index) => {
    const want = directRidgeTrial({ ...small, p, lambdas: config.lambdas });
    config.lambdas.forEach((lambda, l) => {
      const k = index * count + l;
      const what = `p = ${p}, λ = ${lambda}`;
      assertRelClose(sweep.trainError[k], want.trainError[l], 1e-7, `${what} train`);
      assertRelClose(sweep.valError[k], want.valError[l], 1e-7, `${what} val`);
      assertRelClose(sweep.testError[k], want.testError[l], 1e-7, `${what} test`);
    });
  });
});

Deno.test("runSweepTrial(config, t).spectra are descending singular values with Σs² = ‖X̃‖²_F", () => {
  const config = smallConfig;
  const { spectra } = runSweepTrial(config, 0, true);
  assert.equal(spectra.length, config.spectrumP.length);
  config.spectrumP.forEach((p, i) => {
    const singularValues = spectra[i];
    assert.equal(singularValues.length, Math.min(p, small.nTrain));
    const streams = trialStreams(small.seed);
    const data = drawTeacherData(small, streams);
    const phi = drawReluFeatures(data, small.d, p, streams.features);
    let frobenius = 0;
    for (let j = 0; j < p; j++) {
      for (let r = 0; r < small.nTrain; r++) frobenius += phi[j * data.nAll + r] ** 2 / p;
    }
    let sum = 0;
    singularValues.forEach((s, k) => {
      if (k > 0) assert.ok(s <= singularValues[k - 1]);
      sum += s * s;
    });
    assertRelClose(sum, frobenius, 1e-10, `p = ${p}: Σs²`);
  });
});

Deno.test("validateSweepConfig(config) throws a RangeError naming the parameter, its range and the value", () => {
  const cases: [Partial<SweepConfig>, RegExp][] = [
    [{ nTrain: 0 }, /^nTrain must be an integer in \[1, 5000\]; got 0$/],
    [{ nTrain: 2.5 }, /^nTrain must be an integer in \[1, 5000\]; got 2\.5$/],
    [{ nVal: NaN }, /^nVal must be an integer .*; got NaN$/],
    [{ pGrid: [0, 3] }, /^pGrid\[0\] must be an integer in \[1, 20000\]; got 0$/],
    [{ pGrid: [3, 3] }, /^pGrid\[1\] must be an integer in \[4, 20000\]; got 3$/],
    [{ d: -3 }, /^d must be an integer .*; got -3$/],
    [{ sigma: -1 }, /^sigma must be a finite number ≥ 0; got -1$/],
    [{ lambdas: [0.1, -0.5] }, /^lambdas\[1\] must be a finite number ≥ 0; got -0\.5$/],
    [{ lambdas: [NaN] }, /^lambdas\[0\] must be a finite number ≥ 0; got NaN$/],
    [{ lambdas: [] }, /^lambdas\.length must be an integer in \[1, 1000\]; got 0$/],
    [{ lambdaA: Infinity }, /^lambdaA must be a finite number ≥ 0; got Infinity$/],
    [{ seed: Infinity }, /^seed must be an integer in \[0, 4294967295\]; got Infinity$/],
    [{ seed: -1 }, /^seed must be an integer in \[0, 4294967295\]; got -1$/],
    [
      { seed: 2 ** 32 - 1, trials: 2 },
      /^seed \+ trials − 1 must be an integer in \[0, 4294967295\]; got 4294967296$/,
    ],
    [{ spectrumP: [7] }, /^spectrumP\[0\] must be one of pGrid; got 7$/],
  ];
  for (const [change, message] of cases) {
    assert.throws(() => validateSweepConfig({ ...smallConfig, ...change }), (error: unknown) => {
      assert.ok(error instanceof RangeError, `${JSON.stringify(change)} threw ${error}`);
      assert.match(error.message, message);
      return true;
    });
  }
  validateSweepConfig({ ...smallConfig, seed: 2 ** 32 - 1 });
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
