import assert from "node:assert/strict";
import {
  assessDropoutRun,
  CONVERGED_WITHIN,
  sgdExpectedTailOffset,
  tailMeanNoise,
} from "../../../src/compute/dropout-toy/dropoutConvergence.ts";
import {
  type DropoutTrainOptions,
  trainDropout,
} from "../../../src/compute/dropout-toy/dropoutTrain.ts";

/** The dropout page's default settings. */
const page: DropoutTrainOptions = {
  rate: 0.5,
  batchSize: 32,
  learningRate: 0.002,
  steps: 3000,
  optimizer: "sgd",
  seed: 1,
};
const X = [10, 1];
const Y = 11;

/** The course's closed form for the toy, typed independently: wⱼ = y(1 − r)/(xⱼ(2 − r)). */
const course = (r: number) => X.map((x) => (Y * (1 - r)) / (x * (2 - r)));

/** E[x̃x̃ᵀ] by summing over the four masks. */
function secondMoment(r: number): number[][] {
  const m = [[0, 0], [0, 0]];
  for (const [k1, k2] of [[1, 1], [1, 0], [0, 1], [0, 0]]) {
    const p = (k1 ? 1 - r : r) * (k2 ? 1 - r : r);
    const xt = [(k1 * X[0]) / (1 - r), (k2 * X[1]) / (1 - r)];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) m[i][j] += p * xt[i] * xt[j];
  }
  return m;
}

/**
 * E[tail mean] − w* by running the mean recursion E w ← E w − η (2 E[x̃x̃ᵀ] E w − 2 x y) step by
 * step from w = 0: SGD's expected path, with no closed form.
 */
function recursedOffset({ rate, learningRate: lr, steps }: DropoutTrainOptions, target: number[]) {
  const m = secondMoment(rate);
  let w = [0, 0];
  const k = Math.ceil(steps / 4);
  const sum = [0, 0];
  for (let t = 1; t <= steps; t++) {
    const g = [0, 1].map((i) => 2 * (m[i][0] * w[0] + m[i][1] * w[1]) - 2 * X[i] * Y);
    w = [w[0] - lr * g[0], w[1] - lr * g[1]];
    if (t > steps - k) [0, 1].forEach((i) => (sum[i] += w[i]));
  }
  return sum.map((s, i) => s / k - target[i]);
}

const SGD_SETTINGS: DropoutTrainOptions[] = [
  page,
  { ...page, rate: 0.1 },
  { ...page, rate: 0.9, learningRate: 0.0005 },
  // The build-time sweep at its smallest positive rate (data/dropout-toy.json).
  { ...page, rate: 0.01, batchSize: 64, learningRate: 0.008 * 0.99, steps: 20_000 },
  { ...page, rate: 0, learningRate: 0.0001 },
];

Deno.test("sgdExpectedTailOffset(settings) equals the step-by-step mean recursion", () => {
  for (const settings of SGD_SETTINGS) {
    const target = settings.rate > 0 ? course(settings.rate) : X.map((x) => (x * Y) / 101);
    const want = recursedOffset(settings, target);
    const { offset } = sgdExpectedTailOffset(settings);
    offset.forEach((v, i) =>
      assert.ok(
        Math.abs(v - want[i]) <= 1e-9 * Math.abs(target[i]),
        `r = ${settings.rate}, w${i + 1}: ${v} vs recursion ${want[i]}`,
      )
    );
  }
});

Deno.test("sgdExpectedTailOffset: at the sweep's r = 0.01 the tail of 20,000 steps sits 0.43 % off, τ ≈ 3,200 steps", () => {
  const sweep = SGD_SETTINGS[3];
  const { offset, timeConstant } = sgdExpectedTailOffset(sweep);
  const target = course(0.01);
  // τ = 1/(η · 2λ_min(E[x̃x̃ᵀ])), with λ_min from the trace and determinant.
  const m = secondMoment(0.01);
  const tr = m[0][0] + m[1][1];
  const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
  const lambdaMin = det / (tr / 2 + Math.sqrt((tr / 2) ** 2 - det));
  const tau = 1 / (sweep.learningRate * 2 * lambdaMin);
  assert.ok(Math.abs(timeConstant - tau) <= 1e-9 * tau, `τ = ${timeConstant} vs ${tau}`);
  assert.ok(tau > 3000 && tau < 3300, `τ = ${tau}`);
  const relative = offset.map((v, i) => v / target[i]);
  assert.ok(relative[0] > 0.004 && relative[0] < 0.0046, `w1 offset ${relative[0]}`);
  assert.ok(relative[1] < -0.004 && relative[1] > -0.0046, `w2 offset ${relative[1]}`);
});

const meanSd = (values: number[]) => {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
  return { mean, sd };
};

Deno.test("sgdExpectedTailOffset matches the Float64 trainer's mean over 40 seeds (an unfinished run)", () => {
  // 1000 steps at r = 0.1 end far short of w* (the slow time constant is about 1200 steps).
  const settings = { ...page, rate: 0.1, steps: 1000 };
  const target = course(0.1);
  const runs = Array.from(
    { length: 40 },
    (_, s) => trainDropout({ ...settings, seed: s }).tailMean,
  );
  const { offset } = sgdExpectedTailOffset(settings);
  [0, 1].forEach((i) => {
    const { mean, sd } = meanSd(runs.map((r) => r[i]));
    const band = (4 * sd) / Math.sqrt(runs.length);
    assert.ok(band < 0.02 * Math.abs(offset[i]), `w${i + 1}: the band ${band} is too wide`);
    const seen = mean - target[i];
    assert.ok(
      Math.abs(seen - offset[i]) <= band,
      `w${i + 1} offset: seeds ${seen} vs ${offset[i]}`,
    );
  });
});

Deno.test("tailMeanNoise(settings) is H⁻¹ΣH⁻¹/(BK) from the four masks, and the seeds' spread agrees", () => {
  const r = 0.5;
  const w = course(r);
  // Σ = E[g gᵀ], g = 2(x̃·w − y)x̃, and H = 2E[x̃x̃ᵀ], all by enumeration here.
  const sigma = [[0, 0], [0, 0]];
  for (const [k1, k2] of [[1, 1], [1, 0], [0, 1], [0, 0]]) {
    const p = (k1 ? 1 - r : r) * (k2 ? 1 - r : r);
    const xt = [(k1 * X[0]) / (1 - r), (k2 * X[1]) / (1 - r)];
    const g = xt.map((v) => 2 * (xt[0] * w[0] + xt[1] * w[1] - Y) * v);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) sigma[i][j] += p * g[i] * g[j];
  }
  const h = secondMoment(r).map((row) => row.map((v) => 2 * v));
  const det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
  const inv = [[h[1][1] / det, -h[0][1] / det], [-h[1][0] / det, h[0][0] / det]];
  const mul = (a: number[][], b: number[][]) =>
    a.map((row) => [0, 1].map((j) => row[0] * b[0][j] + row[1] * b[1][j]));
  const cov = mul(mul(inv, sigma), inv);
  const settings = { ...page, batchSize: 4, steps: 20_000 };
  const k = 5000;
  const noise = tailMeanNoise(settings);
  [0, 1].forEach((i) => {
    const want = Math.sqrt(cov[i][i] / (settings.batchSize * k));
    assert.ok(Math.abs(noise[i] - want) <= 1e-12 * want, `w${i + 1}: ${noise[i]} vs ${want}`);
  });
  // The Polyak–Ruppert limit holds once K is many time constants (here 5000 steps ≫ 170): 60
  // seeds' spread has a relative standard error of about 9 %, so allow 30 %.
  const runs = Array.from(
    { length: 60 },
    (_, s) => trainDropout({ ...settings, seed: s }).tailMean,
  );
  [0, 1].forEach((i) => {
    const { sd } = meanSd(runs.map((run) => run[i]));
    assert.ok(Math.abs(sd / noise[i] - 1) < 0.3, `w${i + 1}: seeds' sd ${sd} vs ${noise[i]}`);
  });
  assert.deepEqual(tailMeanNoise({ ...settings, rate: 0 }), [0, 0]);
});

Deno.test("assessDropoutRun(page defaults, Adam): 17 % short of (0.3667, 3.6667), more steps or a larger rate", () => {
  const adam = { ...page, optimizer: "adam" as const };
  const estimate = trainDropout(adam).tailMean;
  // The numbers for this run: (0.4005, 3.0336).
  assert.ok(Math.abs(estimate[0] - 0.4005) < 5e-5 && Math.abs(estimate[1] - 3.0336) < 5e-5);
  const verdict = assessDropoutRun(adam, estimate);
  assert.equal(verdict.reference, "closed form");
  assert.deepEqual(verdict.target, expectedTarget(0.5));
  const want = Math.abs(3.0336 - 11 / 3) / (11 / 3);
  assert.ok(Math.abs(verdict.relativeDistance - want) < 1e-4, `${verdict.relativeDistance}`);
  assert.equal(verdict.converged, false);
  assert.deepEqual(verdict.remedies, ["more steps", "a larger learning rate"]);
  assert.equal(verdict.expectedOffset, null);
  // Either remedy, applied, lands the run.
  for (const fix of [{ steps: 10_000 }, { learningRate: 0.006 }]) {
    const settings = { ...adam, ...fix };
    const after = assessDropoutRun(settings, trainDropout(settings).tailMean);
    assert.ok(after.converged && after.relativeDistance < CONVERGED_WITHIN, JSON.stringify(fix));
    assert.deepEqual(after.remedies, []);
  }
});

function expectedTarget(r: number): [number, number] {
  const [a, b] = course(r);
  return [a, b];
}

Deno.test("assessDropoutRun(page defaults, SGD): converged within 1 %", () => {
  const verdict = assessDropoutRun(page, trainDropout(page).tailMean);
  assert.ok(verdict.converged && verdict.relativeDistance < CONVERGED_WITHIN);
  assert.deepEqual(verdict.remedies, []);
  assert.ok(Math.max(...verdict.expectedOffset!.map(Math.abs)) < 1e-6);
});

Deno.test("assessDropoutRun(SGD, unfinished): names the steps that finish it, and they do", () => {
  const settings = { ...page, rate: 0.1 };
  const verdict = assessDropoutRun(settings, trainDropout(settings).tailMean);
  assert.equal(verdict.converged, false);
  assert.ok(verdict.relativeDistance > 0.1);
  assert.ok(Math.abs(verdict.expectedOffset![1] - verdict.relativeError[1]) < 0.01);
  assert.deepEqual(verdict.remedies, ["more steps", "a larger learning rate"]);
  const steps = verdict.stepsNeeded!;
  const offset = (n: number) => sgdExpectedTailOffset({ ...settings, steps: n }).offset;
  const relative = (o: number[]) => Math.max(...o.map((v, i) => Math.abs(v / course(0.1)[i])));
  assert.ok(
    relative(offset(steps)) <= CONVERGED_WITHIN / 2,
    "stepsNeeded reaches half the tolerance",
  );
  assert.ok(relative(offset(steps - 1)) > CONVERGED_WITHIN / 2, "and is the first that does");
  const rerun = { ...settings, steps };
  assert.ok(assessDropoutRun(rerun, trainDropout(rerun).tailMean).converged);
  // Above half the stability bound (0.0089 for batch 32 at r = 0.1) a larger learning rate is
  // no remedy.
  const fast = { ...settings, learningRate: 0.007, steps: 300 };
  assert.deepEqual(assessDropoutRun(fast, trainDropout(fast).tailMean).remedies, ["more steps"]);
});

Deno.test("assessDropoutRun(SGD, batch 1): a gap within seed noise asks for more steps or a larger batch", () => {
  const settings = { ...page, batchSize: 1, learningRate: 0.001 };
  const verdict = assessDropoutRun(settings, trainDropout(settings).tailMean);
  assert.ok(verdict.relativeDistance > CONVERGED_WITHIN, `${verdict.relativeDistance}`);
  assert.ok(verdict.relativeNoise[0] > verdict.relativeDistance / 4);
  assert.equal(verdict.converged, true);
  assert.deepEqual(verdict.remedies, ["more steps", "a larger batch"]);
});

Deno.test("assessDropoutRun at r = 0: SGD against w*(0), the minimum-norm fit; Adam against the line of fits", () => {
  const sgd = { ...page, rate: 0 };
  const atMinNorm = assessDropoutRun(sgd, trainDropout(sgd).tailMean);
  assert.equal(atMinNorm.reference, "closed form");
  assert.deepEqual(atMinNorm.target, [110 / 101, 11 / 101]);
  assert.ok(atMinNorm.converged && atMinNorm.relativeDistance < 1e-12);
  // Adam ends near (1, 1): 8× w*(0)'s w2, yet on 10 w1 + w2 = 11 and so a minimiser.
  const adam = { ...page, rate: 0, optimizer: "adam" as const };
  const estimate = trainDropout(adam).tailMean;
  assert.ok(Math.abs(estimate[0] - 1) < 1e-3 && Math.abs(estimate[1] - 1) < 1e-3);
  const onLine = assessDropoutRun(adam, estimate);
  assert.equal(onLine.reference, "line of minimisers");
  assert.equal(onLine.target, null);
  assert.ok(onLine.converged && onLine.relativeDistance < 1e-6, `${onLine.relativeDistance}`);
  assert.deepEqual(onLine.remedies, []);
  // Halfway to the line it is not converged, and the misfit is the distance.
  const half = assessDropoutRun(adam, [0.5, 0.5]);
  assert.ok(!half.converged && Math.abs(half.relativeDistance - 0.5) < 1e-15);
});

Deno.test("assessDropoutRun rejects bad settings and estimates", () => {
  assert.throws(() => assessDropoutRun({ ...page, rate: 1 }, [0, 0]), /drop rate must be in/);
  assert.throws(() => assessDropoutRun(page, [NaN, 1]), /estimate\[0\] must be a finite number/);
  assert.throws(() => assessDropoutRun(page, [1]), /estimate must have exactly 2 entries/);
});

Deno.test("assessDropoutRun(SGD above the stability bound): a smaller learning rate, no step count", () => {
  // lr above 2/λ_max makes the mean iterate itself blow up; the verdict must not loop or promise.
  const settings = { ...page, learningRate: 0.02, steps: 10 };
  const verdict = assessDropoutRun(settings, [0.1, 0.1]);
  assert.equal(verdict.converged, false);
  assert.equal(verdict.stepsNeeded, null);
  assert.deepEqual(verdict.remedies, ["a smaller learning rate"]);
});
