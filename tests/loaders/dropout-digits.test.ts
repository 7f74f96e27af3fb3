import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { repoRoot, runLoader as runLoaderAt } from "./runLoader.ts";
import { splitDigits } from "../../src/compute/digitSet.ts";
import type { DigitRun } from "../../src/compute/dropout-digits/digitRuns.ts";
import { digitClaims } from "../../src/compute/dropout-digits/dropoutClaims.ts";
import { trainDigitMlpTf } from "../../src/compute/dropout-digits/mlpTrainTf.ts";
import { readMnistByClass } from "../../src/loaders/shared/mnistSource.ts";
import { PER_CLASS, SPLIT_SEED } from "../../src/loaders/mnist-digits.bin.ts";

const loader = "src/loaders/dropout-digits.json.ts";
const runLoader = (args: string[] = []) => runLoaderAt(loader, args);

interface Condition {
  name: string;
  keepInput: number;
  keepHidden: number;
  runs: DigitRun[];
  summary: { finalGap: { mean: number }; test: Record<string, { mean: number }> };
}
interface Output {
  config: Record<string, unknown> & { seeds: number[]; epochs: number };
  conditions: Condition[];
}

/** A grid file in a temporary folder, for the runs that should be small or should fail. */
async function gridFile(grid: unknown): Promise<string> {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/grid.json`;
  await Deno.writeTextFile(path, typeof grid === "string" ? grid : JSON.stringify(grid));
  return path;
}

const smallGrid = {
  hidden: 8,
  batchSize: 25,
  learningRate: 0.003,
  epochs: 2,
  strength: 3,
  perClass: 10,
  dropout: { keepInput: 0.5, keepHidden: 0.5 },
  seeds: [3, 4],
};

// The real grid, once: about 36 s of one core here.
const full = await runLoader();
const output = JSON.parse(full.stdout || "null") as Output;
const [without, withDropout] = output?.conditions ?? [];

Deno.test("dropout-digits loader: exits 0 with 4 seeds × 2 conditions × 8 epochs from data/dropout-digits.json", () => {
  assert.equal(full.code, 0, full.stderr);
  assert.deepEqual(output.config.seeds, [1, 2, 3, 4]);
  assert.equal(output.config.backend, "cpu");
  assert.deepEqual(output.conditions.map((c) => [c.name, c.keepInput, c.keepHidden]), [
    ["without dropout", 1, 1],
    ["with dropout", 0.5, 0.5],
  ]);
  for (const c of output.conditions) {
    for (const run of c.runs) assert.equal(run.epochs.length, output.config.epochs + 1);
  }
  const seconds = Number(/done in ([\d.]+) s/.exec(full.stderr)?.[1]);
  // A benchmark number, not a condition: about 36 s of one core here, more under load.
  console.log(`dropout-digits loader: ${seconds} s`);
  assert.ok(seconds > 0, full.stderr);
});

Deno.test("dropout-digits loader: every claim the page states holds on the seeded runs", () => {
  const claims = digitClaims(without.runs, withDropout.runs);
  for (const claim of claims) {
    assert.ok(claim.holds, `${claim.id}: ${claim.text} (${claim.detail})`);
  }
  assert.equal(claims.length, 11);
  // The summary the page draws agrees with the runs it summarises.
  const mean = (c: Condition, f: (r: DigitRun) => number) =>
    c.runs.reduce((s, r) => s + f(r), 0) / c.runs.length;
  for (const c of [without, withDropout]) {
    const noise = mean(c, (r) => r.test.noise);
    assert.ok(Math.abs(c.summary.test.noise.mean - noise) < 1e-6);
    const gap = mean(
      c,
      (r) => r.epochs.at(-1)!.trainAccuracy - r.epochs.at(-1)!.validationAccuracy,
    );
    assert.ok(Math.abs(c.summary.finalGap.mean - gap) < 1e-6);
  }
  // Untrained networks score near chance.
  for (const run of without.runs) assert.ok(run.epochs[0].validationAccuracy < 0.2);
});

Deno.test("dropout-digits loader: the same bytes on every run, and each run is trainDigitMlpTf's run in this process", async () => {
  const path = await gridFile(smallGrid);
  const [a, b] = [await runLoader([path]), await runLoader([path])];
  assert.equal(a.code, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  const small = JSON.parse(a.stdout) as Output;
  await tf.setBackend("cpu");
  const splits = splitDigits(await readMnistByClass(), PER_CLASS, SPLIT_SEED);
  const { dropout, seeds: _, ...base } = smallGrid;
  const run = small.conditions[1].runs[1];
  let last;
  for await (const f of trainDigitMlpTf(tf, splits, { ...base, ...dropout, seed: run.seed })) {
    last = f;
  }
  // The loader writes 6 significant digits.
  const r6 = (v: number) => Number(v.toPrecision(6));
  const t = last!.test!;
  assert.deepEqual(run.test, {
    noise: r6(t.noise),
    honest: r6(t.honest),
    blank: r6(t.blank),
    followed: r6(t.followed),
  });
  assert.deepEqual(
    run.epochs.map((e) => [e.trainAccuracy, e.validationAccuracy]),
    last!.epochs.map((e) => [r6(e.trainAccuracy), r6(e.validationAccuracy)]),
  );
});

Deno.test("dropout-digits loader: a bad grid exits 1 with a message naming the value and nothing on stdout", async () => {
  const bad: [unknown, RegExp][] = [
    [
      { ...smallGrid, dropout: { keepInput: 0, keepHidden: 0.5 } },
      /keep probability of the inputs must be in \(0, 1\]; got 0/,
    ],
    [
      { ...smallGrid, dropout: { keepInput: 0.5, keepHidden: 1.5 } },
      /keep probability of the hidden units must be in \(0, 1\]; got 1.5/,
    ],
    [
      { ...smallGrid, perClass: 0 },
      /training digits per class must be an integer in \[1, 300\]; got 0/,
    ],
    [{ ...smallGrid, seeds: [] }, /grid.seeds must be a non-empty array/],
    [{ ...smallGrid, seeds: [1, 1] }, /grid.seeds repeats a seed/],
    [{ ...smallGrid, seeds: [-1] }, /grid.seeds\[0\] must be an integer/],
    ["{not json", /FAILED/],
  ];
  for (const [grid, message] of bad) {
    const result = await runLoader([await gridFile(grid)]);
    assert.equal(result.code, 1, JSON.stringify(grid));
    assert.equal(result.stdout, "");
    assert.match(result.stderr, message);
  }
  const missing = await runLoader([new URL("data/no-such-grid.json", repoRoot).pathname]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /dropout-digits: FAILED/);
});
