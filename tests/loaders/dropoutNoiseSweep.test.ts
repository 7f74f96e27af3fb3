import assert from "node:assert/strict";
import { repoRoot as root, runLoader as runLoaderAt } from "./runLoader.ts";
import { generateRegression } from "../../src/compute/noise/regression.ts";
import {
  coefficientPaths,
  dropoutMinimiser,
  keepGrid,
  matchedRidgeLambda,
  ridgeMinimiser,
} from "../../src/compute/noise/tikhonov.ts";
import { splitProblem } from "../../src/compute/noise/sweep.ts";
import type { Regression } from "../../src/compute/noise/regression.ts";

/** Mean squared error written out here, independent of src/compute. */
function mse({ n, d, x, y }: Regression, w: number[]): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let prediction = 0;
    for (let j = 0; j < d; j++) prediction += x[i * d + j] * w[j];
    sum += (y[i] - prediction) ** 2;
  }
  return sum / n;
}

const loader = "src/loaders/dropout-noise-sweep.json.ts";
const runLoader = (args: string[] = []) => runLoaderAt(loader, args);

interface SweepOutput {
  config: { n: number; d: number; noise: number; nTest: number; seeds: number[]; keep: number[] };
  seeds: {
    seed: number;
    dropout: number[][];
    ridge: number[][];
    dropoutTest: number[];
    ridgeTest: number[];
  }[];
  summary: {
    p: number;
    dropoutMean: number;
    dropoutSd: number;
    ridgeMean: number;
    ridgeSd: number;
  }[];
  best: { dropout: { p: number; test: number }; ridge: { p: number; test: number } };
}

const first = await runLoader();
const sweep = JSON.parse(first.stdout) as SweepOutput;
const near = (got: number, want: number, what: string, tol = 1e-7) =>
  assert.ok(Math.abs(got - want) <= tol * Math.abs(want) + 1e-12, `${what}: ${got} vs ${want}`);

Deno.test("dropout-noise-sweep loader: the same bytes on every run, in under 20 s, from data/dropout-noise-sweep.json", async () => {
  assert.equal(first.code, 0, first.stderr);
  const again = await runLoader();
  assert.equal(again.stdout, first.stdout);
  assert.equal(sweep.seeds.length, 20);
  assert.deepEqual(sweep.config.keep, keepGrid(50).map((p) => Number(p.toPrecision(8))));
  const ms = Number(/done in (\d+) ms/.exec(first.stderr)?.[1]);
  assert.ok(ms < 20_000, `${ms} ms`);
});

Deno.test("dropout-noise-sweep loader: each problem's paths are the live page's coefficientPaths for the same (n, d, noise, seed)", () => {
  const { n, d, noise } = sweep.config;
  for (const s of sweep.seeds.slice(0, 3)) {
    const rows = coefficientPaths(generateRegression({ n, d, noise, seed: s.seed }), keepGrid(50));
    rows.forEach((r, k) => {
      const i = Math.floor(k / d);
      near(s.dropout[i][r.feature - 1], r.dropout, `seed ${s.seed}, dropout, p = ${r.p}`);
      near(s.ridge[i][r.feature - 1], r.ridge, `seed ${s.seed}, ridge, p = ${r.p}`);
    });
  }
});

Deno.test("dropout-noise-sweep loader: test errors equal an independent QR refit scored on the fresh rows", () => {
  const { keep } = sweep.config;
  for (const s of sweep.seeds.slice(0, 4)) {
    const { train, test } = splitProblem(sweep.config, s.seed);
    assert.equal(test.n, sweep.config.nTest);
    for (const k of [0, 17, 42, keep.length - 1]) {
      const p = keep[k];
      near(
        s.dropoutTest[k],
        mse(test, dropoutMinimiser(train, p).w),
        `dropout, p = ${p}`,
      );
      near(
        s.ridgeTest[k],
        mse(test, ridgeMinimiser(train, matchedRidgeLambda(train, p))),
        `ridge, p = ${p}`,
      );
    }
  }
});

Deno.test("dropout-noise-sweep loader: summary means and sds over seeds; on the committed grid dropout's best p < 1 beats least squares, ridge's best is p = 1", () => {
  sweep.summary.forEach((row, k) => {
    const values = sweep.seeds.map((s) => s.dropoutTest[k]);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    near(row.dropoutMean, mean, `mean at ${row.p}`, 1e-6);
    near(row.dropoutSd, sd, `sd at ${row.p}`, 1e-6);
  });
  const minDropout = Math.min(...sweep.summary.map((r) => r.dropoutMean));
  assert.equal(sweep.best.dropout.test, minDropout);
  assert.ok(sweep.best.dropout.p < 1);
  const leastSquares = sweep.summary.at(-1)!.dropoutMean;
  assert.equal(sweep.summary.at(-1)!.ridgeMean, leastSquares);
  assert.ok(
    sweep.best.dropout.test < 0.97 * leastSquares,
    `${sweep.best.dropout.test} vs ${leastSquares}`,
  );
  assert.equal(sweep.best.ridge.p, 1);
});

Deno.test("dropout-noise-sweep loader: bad grids exit 1 with a message and print nothing", async () => {
  const grid = JSON.parse(await Deno.readTextFile(new URL("data/dropout-noise-sweep.json", root)));
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ ...grid, n: 0 }, /n \(rows\) must be an integer in \[1, 100000\]; got 0/],
    [{ ...grid, noise: -1 }, /noise must be a finite number ≥ 0; got -1/],
    [{ ...grid, keep: { from: 0, count: 50 } }, /must be in \(0, 1\]; got 0/],
    [
      { ...grid, keep: { from: 0.02, count: 1 } },
      /grid.keep.count must be an integer in \[2, 10000\]; got 1/,
    ],
    [{ ...grid, seeds: [] }, /seeds must be a non-empty list/],
  ];
  for (const [bad, message] of cases) {
    const path = await Deno.makeTempFile({ suffix: ".json" });
    await Deno.writeTextFile(path, JSON.stringify(bad));
    const out = await runLoader([path]);
    await Deno.remove(path);
    assert.equal(out.code, 1);
    assert.equal(out.stdout, "");
    assert.match(out.stderr, message);
  }
});
