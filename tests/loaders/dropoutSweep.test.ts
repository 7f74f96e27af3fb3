import assert from "node:assert/strict";
import {
  expectedLossMinimiser,
  limitAsRateToZero,
  olsMinNorm,
} from "../../src/compute/dropoutToy.ts";
import type { SummaryRow } from "../../src/compute/summariseRuns.ts";

const root = new URL("../../", import.meta.url);
const loader = "src/loaders/dropout-sweep.json.ts";

/** Runs the loader the way Observable Framework does (read-only, repo root as cwd). */
async function runLoader(args: string[] = []) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--config", "deno.json", loader, ...args],
    cwd: root,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

type Summary = SummaryRow & { learningRate: number };

Deno.test("loader: dropout sweep output", async (t) => {
  const started = performance.now();
  const { code, stdout, stderr } = await runLoader();
  const seconds = (performance.now() - started) / 1000;
  assert.equal(code, 0, stderr);
  assert.match(stderr, /done in/);
  // Budget for the build: the loader should stay well under 20 s.
  assert.ok(seconds < 40, `loader took ${seconds.toFixed(1)} s`);
  const data = JSON.parse(stdout);
  const grid = JSON.parse(await Deno.readTextFile(new URL("data/dropout-sweep.json", root)));

  await t.step("shape and echo of the grid", () => {
    for (const key of ["config", "closedForm", "minNorm", "limitAtZero", "trained", "summary"]) {
      assert.ok(key in data, key);
    }
    assert.deepEqual(data.config.rates, grid.rates);
    assert.deepEqual(data.config.seeds, grid.seeds);
    const runs = grid.rates.length * 2 * grid.seeds.length;
    assert.equal(data.trained.length, runs);
    assert.equal(data.summary.length, grid.rates.length * 2);
    for (const s of data.summary as Summary[]) {
      assert.equal(s.n, grid.seeds.length);
      assert.ok(s.w1Min <= s.w1Mean && s.w1Mean <= s.w1Max && s.w1Sd >= 0);
      assert.ok(s.w2Min <= s.w2Mean && s.w2Mean <= s.w2Max && s.w2Sd >= 0);
    }
    assert.ok(data.trained.every((r: { diverged: boolean }) => r.diverged === false));
  });

  await t.step("closed form rows match expectedLossMinimiser on [0, 0.95]", () => {
    const rows = data.closedForm as { rate: number; w1: number; w2: number }[];
    assert.equal(rows[0].rate, 0);
    assert.equal(rows.at(-1)!.rate, 0.95);
    assert.ok(rows.length >= 50);
    for (const { rate, w1, w2 } of rows) {
      const [e1, e2] = expectedLossMinimiser(rate);
      assert.ok(Math.abs(w1 - e1) < 1e-8 && Math.abs(w2 - e2) < 1e-8, `rate ${rate}`);
    }
    const [m1, m2] = olsMinNorm();
    assert.ok(Math.abs(rows[0].w1 - m1) < 1e-9 && Math.abs(rows[0].w2 - m2) < 1e-9);
    const [l1, l2] = limitAsRateToZero();
    assert.deepEqual(data.limitAtZero, { w1: l1, w2: l2 });
  });

  await t.step("every positive rate: both optimisers' means sit on the closed form", () => {
    // With the committed grid the worst deviation is 0.7% (r = 0.01, where the slow direction
    // has only just converged after 20 000 steps); elsewhere it is under 0.3%. 1.5% relative is
    // twice the worst case and still a hundred times smaller than the jump at r = 0.
    for (const s of (data.summary as Summary[]).filter((s) => s.rate > 0)) {
      const [e1, e2] = expectedLossMinimiser(s.rate);
      assert.ok(
        Math.abs(s.w1Mean - e1) <= 0.015 * e1,
        `${s.optimizer} r=${s.rate} w1 ${s.w1Mean} vs ${e1}`,
      );
      assert.ok(
        Math.abs(s.w2Mean - e2) <= 0.015 * e2,
        `${s.optimizer} r=${s.rate} w2 ${s.w2Mean} vs ${e2}`,
      );
    }
  });

  await t.step("rate 0: SGD finds the minimum-norm fit, Adam the equal-weights one", () => {
    const at0 = (opt: string) =>
      (data.summary as Summary[]).find((s) => s.rate === 0 && s.optimizer === opt)!;
    const [m1, m2] = olsMinNorm();
    assert.ok(Math.abs(at0("sgd").w1Mean - m1) < 1e-4 && Math.abs(at0("sgd").w2Mean - m2) < 1e-4);
    assert.ok(Math.abs(at0("adam").w1Mean - 1) < 1e-3 && Math.abs(at0("adam").w2Mean - 1) < 1e-3);
    // And the smallest positive rate is near the r → 0+ limit, not near either r = 0 answer.
    const smallest = Math.min(...grid.rates.filter((r: number) => r > 0));
    const sgd = (data.summary as Summary[]).find((s) =>
      s.rate === smallest && s.optimizer === "sgd"
    )!;
    assert.ok(Math.abs(sgd.w2Mean - limitAsRateToZero()[1]) < 0.15, `w2 at r=${smallest}`);
  });

  await t.step("deterministic: same grid, same bytes", async () => {
    const again = await runLoader();
    assert.equal(again.stdout, stdout);
  });
});

Deno.test("loader: a bad grid exits non-zero with nothing on stdout", async () => {
  const good = JSON.parse(await Deno.readTextFile(new URL("data/dropout-sweep.json", root)));
  const dir = await Deno.makeTempDir();
  try {
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { ...good, rates: [0, 1.5] },
        /grid\.rates\[1\] \(drop rate\) must be in \[0, 1\); got 1\.5/,
      ],
      [{ ...good, batchSize: 0 }, /grid\.batchSize must be an integer/],
      [{ ...good, seeds: [] }, /grid\.seeds must be a non-empty array/],
      [{ ...good, sgd: { learningRate: 0.05, scaleByKeepProbability: true } }, /stability bound/],
    ];
    for (const [i, [grid, message]] of cases.entries()) {
      const path = `${dir}/grid${i}.json`;
      await Deno.writeTextFile(path, JSON.stringify({ ...grid, steps: 10 }));
      const { code, stdout, stderr } = await runLoader([path]);
      assert.notEqual(code, 0, `case ${i} should fail`);
      assert.equal(stdout, "", `case ${i} wrote to stdout`);
      assert.match(stderr, message);
    }
    const broken = `${dir}/broken.json`;
    await Deno.writeTextFile(broken, "{ not json");
    const r = await runLoader([broken]);
    assert.ok(r.code !== 0 && r.stdout === "" && /not valid JSON/.test(r.stderr));
    const missing = await runLoader([`${dir}/missing.json`]);
    assert.ok(
      missing.code !== 0 && missing.stdout === "" && /cannot read grid/.test(missing.stderr),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
