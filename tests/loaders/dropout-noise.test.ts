import assert from "node:assert/strict";
import { builtOutput, repoRoot as root, runLoader as runLoaderAt } from "./runLoader.ts";
import { generateRegression } from "../../src/compute/regression.ts";
import {
  coefficientPaths,
  dropoutMinimiser,
  keepGrid,
  matchedRidgeLambda,
  ridgeMinimiser,
} from "../../src/compute/tikhonov.ts";
import { splitProblem, sweepFindings } from "../../src/compute/dropout-noise/sweep.ts";
import type { Regression } from "../../src/compute/regression.ts";

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

const loader = "src/loaders/dropout-noise.json.ts";
const runLoader = (args: string[] = []) => runLoaderAt(loader, args);

interface SweepOutput {
  config: {
    n: number;
    d: number;
    noise: number;
    nTest: number;
    seeds: number[];
    keep: number[];
    lambdas: number[];
  };
  seeds: {
    seed: number;
    meanSquaredColumnNorm: number;
    ridgeGridTest: number[];
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
  ridgeGrid: { lambda: number; mean: number; sd: number }[];
  best: {
    dropout: { p: number; test: number };
    ridge: { p: number; test: number };
    ridgeGrid: { lambda: number; test: number };
  };
}

const first = await runLoader();
const sweep = JSON.parse(first.stdout) as SweepOutput;
const near = (got: number, want: number, what: string, tol = 1e-7) =>
  assert.ok(Math.abs(got - want) <= tol * Math.abs(want) + 1e-12, `${what}: ${got} vs ${want}`);

Deno.test("dropout-noise-sweep loader: the same bytes on every run, in under 20 s, from data/dropout-noise.json", async () => {
  assert.equal(first.code, 0, first.stderr);
  const again = await builtOutput(loader);
  assert.equal(again.stdout, first.stdout, `a fresh run differs from ${again.from}`);
  assert.equal(sweep.seeds.length, 20);
  assert.deepEqual(sweep.config.keep, keepGrid(50).map((p) => Number(p.toPrecision(8))));
  const seconds = Number(/done in ([\d.]+) s/.exec(first.stderr)?.[1]);
  assert.ok(seconds < 20, `${seconds} s`);
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

Deno.test("dropout-noise-sweep loader: summary means and sds over seeds; dropout's best p < 1 beats least squares", () => {
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
    sweep.best.dropout.test < leastSquares,
    `${sweep.best.dropout.test} vs ${leastSquares}`,
  );
});

Deno.test("dropout-noise-sweep loader: the plain ridge's own λ grid, refitted independently, reaches far below the matched λ", () => {
  const { lambdas, keep } = sweep.config;
  // Its own grid starts a hundred times below the smallest matched λ on the keep grid.
  const pNext = keep.at(-2)!;
  const smallestMatched = Math.min(
    ...sweep.seeds.map((s) => {
      const { train } = splitProblem(sweep.config, s.seed);
      near(s.meanSquaredColumnNorm, matchedRidgeLambda(train, 0.5), `seed ${s.seed}, mean ‖x_j‖²`);
      return matchedRidgeLambda(train, pNext);
    }),
  );
  assert.ok(lambdas[0] < smallestMatched / 100, `${lambdas[0]} vs ${smallestMatched}`);
  for (const s of sweep.seeds.slice(0, 4)) {
    const { train, test } = splitProblem(sweep.config, s.seed);
    for (const k of [0, 30, lambdas.length - 1]) {
      near(s.ridgeGridTest[k], mse(test, ridgeMinimiser(train, lambdas[k])), `λ = ${lambdas[k]}`);
    }
  }
  sweep.ridgeGrid.forEach((row, k) => {
    const values = sweep.seeds.map((s) => s.ridgeGridTest[k]);
    near(row.mean, values.reduce((a, b) => a + b, 0) / values.length, `mean at λ = ${row.lambda}`);
  });
  assert.equal(sweep.best.ridgeGrid.test, Math.min(...sweep.ridgeGrid.map((r) => r.mean)));
});

/** The sweep paragraph's findings, recounted here from the per-problem errors. */
Deno.test("dropout-noise-sweep loader: the paragraph's findings (sweepFindings) are recounted from the problems; the ridge's best λ is inside its grid and helps", () => {
  const found = sweepFindings(sweep);
  const last = sweep.config.keep.length - 1;
  const kd = sweep.config.keep.indexOf(sweep.best.dropout.p);
  const kr = sweep.config.lambdas.indexOf(sweep.best.ridgeGrid.lambda);
  const ls = sweep.summary[last].dropoutMean;
  assert.equal(found.problems, 20);
  assert.equal(found.leastSquares, ls);
  assert.deepEqual([found.dropout.p, found.dropout.test], [
    sweep.best.dropout.p,
    sweep.best.dropout.test,
  ]);
  assert.deepEqual([found.ridge.lambda, found.ridge.test], [
    sweep.best.ridgeGrid.lambda,
    sweep.best.ridgeGrid.test,
  ]);
  near(found.dropout.gain, 1 - sweep.best.dropout.test / ls, "dropout gain");
  near(found.ridge.gain, 1 - sweep.best.ridgeGrid.test / ls, "ridge gain");
  const count = (f: (s: SweepOutput["seeds"][number]) => boolean) => sweep.seeds.filter(f).length;
  assert.equal(found.dropout.wins, count((s) => s.dropoutTest[kd] < s.dropoutTest[last]));
  assert.equal(found.ridge.wins, count((s) => s.ridgeGridTest[kr] < s.dropoutTest[last]));
  assert.equal(found.dropoutBelowRidge, count((s) => s.dropoutTest[kd] < s.ridgeGridTest[kr]));
  // "Given its own grid": the best λ is not at either end, so the grid is wide enough.
  assert.ok(kr > 0 && kr < sweep.config.lambdas.length - 1 && found.ridge.interior);
  // The page says a uniform penalty helps: its best mean is below least squares.
  assert.ok(found.ridge.gain > 0, `${found.ridge.gain}`);
  // The matched λ at the largest p below 1, per problem, and the matched ridge's mean there.
  const pNext = sweep.config.keep[last - 1];
  const matched = sweep.seeds.map((s) => ((1 - pNext) / pNext) * s.meanSquaredColumnNorm).sort((
    a,
    b,
  ) => a - b);
  near(found.matchedNext.min, matched[0], "smallest matched λ");
  near(found.matchedNext.max, matched.at(-1)!, "largest matched λ");
  near(found.matchedNext.median, (matched[9] + matched[10]) / 2, "median matched λ");
  assert.equal(found.matchedNext.test, sweep.summary[last - 1].ridgeMean);
  // Every matched λ there is past the ridge's best λ.
  assert.ok(found.matchedNext.min > found.ridge.lambda);
});

Deno.test("dropout-noise-sweep loader: bad grids exit 1 with a message and print nothing", async () => {
  const grid = JSON.parse(await Deno.readTextFile(new URL("data/dropout-noise.json", root)));
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ ...grid, n: 0 }, /n \(rows\) must be an integer in \[1, 100000\]; got 0/],
    [{ ...grid, noise: -1 }, /noise must be a finite number ≥ 0; got -1/],
    [{ ...grid, keep: { from: 0, count: 50 } }, /must be in \(0, 1\]; got 0/],
    [
      { ...grid, keep: { from: 0.02, count: 1 } },
      /grid.keep.count must be an integer in \[2, 10000\]; got 1/,
    ],
    [{ ...grid, seeds: [] }, /seeds must be a non-empty list/],
    [
      { ...grid, ridgeLambda: { from: 0, to: 10, count: 5 } },
      /smallest λ must be a finite number > 0; got 0/,
    ],
    [{ ...grid, ridgeLambda: undefined }, /grid.ridgeLambda must be an object/],
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
