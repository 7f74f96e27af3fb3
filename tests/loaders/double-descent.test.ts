import assert from "node:assert/strict";
import { runLoader as runLoaderAt } from "./runLoader.ts";
import { parseDoubleDescentGrid } from "../../src/compute/double-descent/grid.ts";

const root = new URL("../..", import.meta.url).pathname;
const loader = `${root}src/loaders/double-descent.json.ts`;

const smallGrid = {
  seed: 3,
  trials: 3,
  nTrain: 60,
  nVal: 20,
  nTest: 15,
  d: 8,
  sigma: 0.5,
  lambdaA: 0.01,
  lambdaGrid: { min: 0.01, max: 100, count: 9 },
  pGrid: [2, 20, 55, 60, 65, 120, 300],
  spectrumP: [20, 60, 300],
};

async function runLoader(config: unknown, env: Record<string, string> = {}) {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/grid.json`;
    await Deno.writeTextFile(path, typeof config === "string" ? config : JSON.stringify(config));
    return await runLoaderAt(loader, [], { DOUBLE_DESCENT_GRID: path, NO_COLOR: "1", ...env });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("double-descent.json loader on a small grid: shape, bands, tuned λ and spectra", async () => {
  const run = await runLoader(smallGrid);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /3 trials × 7 p in [\d.]+ s/);
  const out = JSON.parse(run.stdout);
  const n = smallGrid.pGrid.length;
  assert.deepEqual(out.p, smallGrid.pGrid);
  assert.equal(out.lambdas.length, 9);
  assert.equal(out.config.trials, 3);
  const bands = [out.curveA.test, out.curveA.train, out.curveB.test, out.curveB.train];
  for (const band of [...bands, out.curveB.lambda]) {
    for (const key of ["median", "q25", "q75"]) {
      assert.equal(band[key].length, n, key);
      for (const v of band[key]) assert.ok(Number.isFinite(v) && v >= 0, `${key}: ${v}`);
    }
    band.median.forEach((m: number, i: number) => assert.ok(band.q25[i] <= m && m <= band.q75[i]));
  }
  for (const lambda of out.curveB.lambda.median) assert.ok(lambda >= 0.01 && lambda <= 100);
  // At the interpolation threshold p = N the tuned λ beats λ = 0.01.
  const atN = smallGrid.pGrid.indexOf(smallGrid.nTrain);
  assert.ok(out.curveB.test.median[atN] < out.curveA.test.median[atN]);
  assert.deepEqual(out.spectra.map((s: { p: number }) => s.p), smallGrid.spectrumP);
  out.spectra.forEach((s: { p: number; singularValues: number[] }) => {
    assert.equal(s.singularValues.length, Math.min(s.p, smallGrid.nTrain));
    s.singularValues.forEach((v, i) =>
      assert.ok(v >= 0 && (i === 0 || v <= s.singularValues[i - 1]))
    );
  });
});

Deno.test("double-descent.json loader: no test-error median falls below σ² beyond sampling error, while train error does", async () => {
  // Validation and test errors are MSEs against noisy labels of fresh points, so their expectation
  // is σ² plus the model's own error; a training error can go to 0 once the model interpolates.
  // Large held-out sets make the sampling error of a test MSE small: √(2/n_test)·σ² for the noise.
  const grid = { ...smallGrid, nVal: 2000, nTest: 2000, trials: 5 };
  const run = await runLoader(grid);
  assert.equal(run.code, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  const noise = grid.sigma ** 2;
  const floor = noise * (1 - 4 * Math.sqrt(2 / grid.nTest));
  for (const [name, band] of [["A", out.curveA.test], ["B", out.curveB.test]]) {
    band.median.forEach((m: number, i: number) =>
      assert.ok(m >= floor, `curve ${name} test median ${m} < ${floor} at p = ${grid.pGrid[i]}`)
    );
  }
  // Curve A (λ = 0.01) all but interpolates the training set at the largest p: its train error is
  // far below the noise it has fitted (about 1.4 % of σ² here, 1e-4 of it in the full sweep).
  const trainAtLargest = out.curveA.train.median.at(-1);
  assert.ok(trainAtLargest < 0.05 * noise, `train median ${trainAtLargest} at p = 300`);
});

Deno.test("double-descent.json loader writes the same bytes with one worker or two", async () => {
  const one = await runLoader(smallGrid, { DOUBLE_DESCENT_WORKERS: "1" });
  const two = await runLoader(smallGrid, { DOUBLE_DESCENT_WORKERS: "2" });
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  assert.equal(one.stdout, two.stdout);
});

Deno.test("double-descent.json loader exits non-zero with empty stdout on a bad grid", async () => {
  const cases: [unknown, RegExp][] = [
    [{ ...smallGrid, pGrid: [10, 5] }, /pGrid\[1\] must be an integer in \[11, 20000\]; got 5/],
    [{ ...smallGrid, pGrid: [0, 5] }, /pGrid\[0\] must be an integer/],
    [{ ...smallGrid, nTrain: 0 }, /nTrain must be an integer in \[1, 5000\]; got 0/],
    [{ ...smallGrid, lambdaA: -1 }, /lambdaA must be a finite number ≥ 0; got -1/],
    [{ ...smallGrid, lambdaGrid: { min: 0, max: 1, count: 3 } }, /logGrid needs 0 < min/],
    [{ ...smallGrid, spectrumP: [7] }, /spectrumP\[0\] must be one of pGrid; got 7/],
    [
      { ...smallGrid, seed: 2 ** 32 },
      /seed must be an integer in \[0, 4294967295\]; got 4294967296/,
    ],
    ["{not json", /not valid JSON/],
  ];
  for (const [config, message] of cases) {
    const run = await runLoader(config);
    assert.notEqual(run.code, 0, `accepted ${JSON.stringify(config)}`);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /double-descent: FAILED/);
    assert.match(run.stderr, message);
  }
  const missing = await runLoader(smallGrid, { DOUBLE_DESCENT_WORKERS: "0" });
  assert.notEqual(missing.code, 0);
  assert.equal(missing.stdout, "");
  assert.match(missing.stderr, /DOUBLE_DESCENT_WORKERS must be an integer/);
});

Deno.test("data/double-descent.json describes the full sweep: ≥ 20 trials, ~71 p up to ≥ 1000, 31 λ", async () => {
  const raw = JSON.parse(await Deno.readTextFile(`${root}data/double-descent.json`));
  const config = parseDoubleDescentGrid(raw);
  assert.ok(config.trials >= 20);
  assert.ok(config.pGrid.length >= 70 && config.pGrid[0] === 1 && config.pGrid.at(-1)! >= 1000);
  const near = config.pGrid.filter((p) => Math.abs(p - config.nTrain) <= 0.15 * config.nTrain);
  assert.ok(near.length >= 20, `${near.length} p values within N ± 15 %`);
  assert.deepEqual(raw.lambdaGrid, { min: 0.01, max: 100, count: 31 });
  assert.deepEqual(
    [config.nTrain, config.nVal, config.nTest, config.d, config.sigma],
    [300, 60, 30, 35, 0.5],
  );
});

Deno.test("the built double-descent data (full seeded sweep): peak at N ± 15 %, tuned λ removes it", async () => {
  const dir = `${Deno.env.get("EXPLORABLES_DIST") ?? "dist"}/_file/loaders`;
  const names = await Array.fromAsync(Deno.readDir(dir)).catch(() => []);
  const file = names.find((e) => /^double-descent\.[0-9a-f]+\.json$/.test(e.name));
  assert.ok(file, `no double-descent data in ${dir}: run deno task build first`);
  const out = JSON.parse(await Deno.readTextFile(`${dir}/${file.name}`));
  const { nTrain, trials } = out.config;
  assert.ok(trials >= 20);
  const a: number[] = out.curveA.test.median;
  const b: number[] = out.curveB.test.median;
  const peak = a.indexOf(Math.max(...a));
  assert.ok(Math.abs(out.p[peak] - nTrain) <= 0.15 * nTrain, `curve A peaks at p = ${out.p[peak]}`);
  assert.ok(Math.max(...b) * 1.5 < a[peak], `max B ${Math.max(...b)} vs A's peak ${a[peak]}`);
  out.p.forEach((p: number, i: number) => {
    if (Math.abs(p - nTrain) <= 0.15 * nTrain) assert.ok(b[i] * 3 < a[peak], `B(${p}) = ${b[i]}`);
  });
  // Train error is not bounded by σ²: curve A's median at the largest p (about 2e-5) is far below.
  const noise = out.config.sigma ** 2;
  const trainAtLargest = out.curveA.train.median.at(-1);
  assert.ok(trainAtLargest < 1e-3 * noise, `curve A train median ${trainAtLargest} at p_max`);
  const [lo, hi] = [out.lambdas[0], out.lambdas[out.lambdas.length - 1]];
  for (const l of [...out.curveB.lambda.q25, ...out.curveB.lambda.q75]) {
    assert.ok(l >= lo && l <= hi, `tuned λ ${l} outside [${lo}, ${hi}]`);
  }
});
