import assert from "node:assert/strict";
import { builtOutput, repoRoot as root, runLoader as runLoaderAt } from "./runLoader.ts";
import type { SummaryRow } from "../../src/compute/dropout-toy/summariseRuns.ts";

const loader = "src/loaders/dropout-toy.json.ts";
const runLoader = (args: string[] = []) => runLoaderAt(loader, args);

type Summary = SummaryRow & {
  learningRate: number;
  expectedOffset: { w1: number; w2: number } | null;
  timeConstant: number | null;
};

/**
 * w*(r) a second way, independent of src/compute: the normal equations E[x̃x̃ᵀ] w = E[x̃] y summed
 * over the four masks of x = (10, 1), y = 11, solved by Cramer's rule (r > 0 only).
 */
function enumeratedMinimiser(r: number): [number, number] {
  const m = [0, 0, 0];
  const b = [0, 0];
  for (const [k1, k2] of [[1, 1], [1, 0], [0, 1], [0, 0]]) {
    const p = (k1 ? 1 - r : r) * (k2 ? 1 - r : r);
    const [a, c] = [(k1 * 10) / (1 - r), k2 / (1 - r)];
    m[0] += p * a * a;
    m[1] += p * a * c;
    m[2] += p * c * c;
    b[0] += p * a * 11;
    b[1] += p * c * 11;
  }
  const det = m[0] * m[2] - m[1] * m[1];
  return [(m[2] * b[0] - m[1] * b[1]) / det, (m[0] * b[1] - m[1] * b[0]) / det];
}

/** SGD's expected tail mean minus w*, relative, by running the mean recursion step by step. */
function recursedOffset(r: number, lr: number, steps: number): [number, number] {
  const target = enumeratedMinimiser(r);
  const second = [[100 / (1 - r), 10], [10, 1 / (1 - r)]];
  let w = [0, 0];
  const k = Math.ceil(steps / 4);
  const sum = [0, 0];
  for (let t = 1; t <= steps; t++) {
    const g = [0, 1].map((i) =>
      2 * (second[i][0] * w[0] + second[i][1] * w[1]) - 2 * 11 * [10, 1][i]
    );
    w = [w[0] - lr * g[0], w[1] - lr * g[1]];
    if (t > steps - k) [0, 1].forEach((i) => (sum[i] += w[i]));
  }
  return [sum[0] / k / target[0] - 1, sum[1] / k / target[1] - 1];
}

Deno.test("loader: dropout sweep output", async (t) => {
  const started = performance.now();
  const { code, stdout, stderr } = await runLoader();
  const seconds = (performance.now() - started) / 1000;
  assert.equal(code, 0, stderr);
  assert.match(stderr, /done in/);
  // Budget for the build: the loader should stay well under 20 s.
  assert.ok(seconds < 40, `loader took ${seconds.toFixed(1)} s`);
  const data = JSON.parse(stdout);
  const grid = JSON.parse(await Deno.readTextFile(new URL("data/dropout-toy.json", root)));

  await t.step("shape and echo of the grid", () => {
    for (const key of ["config", "closedForm", "minNorm", "limitAtZero", "trained", "summary"]) {
      assert.ok(key in data, key);
    }
    assert.deepEqual(data.config.rates, grid.rates);
    assert.deepEqual(data.config.seeds, grid.seeds);
    assert.equal(data.tailSteps, Math.ceil(grid.steps / 4));
    const runs = grid.rates.length * 2 * grid.seeds.length;
    assert.equal(data.trained.length, runs);
    for (const row of data.trained) {
      assert.deepEqual(Object.keys(row).sort(), ["optimizer", "rate", "seed", "w1", "w2"]);
    }
    assert.equal(data.summary.length, grid.rates.length * 2);
    for (const s of data.summary as Summary[]) {
      assert.equal(s.n, grid.seeds.length);
      assert.ok(s.w1Min <= s.w1Mean && s.w1Mean <= s.w1Max && s.w1Sd >= 0);
      assert.ok(s.w2Min <= s.w2Mean && s.w2Mean <= s.w2Max && s.w2Sd >= 0);
    }
  });

  await t.step("closed form rows: the course's values, and the enumerated normal equations", () => {
    const rows = data.closedForm as { rate: number; w1: number; w2: number }[];
    assert.equal(rows[0].rate, 0);
    assert.equal(rows.at(-1)!.rate, 0.95);
    assert.ok(rows.length >= 50);
    // Ten significant digits are shipped: relative 1e-9 leaves room for that rounding only.
    const near = (got: number[], want: number[], what: string) =>
      want.forEach((v, i) =>
        assert.ok(
          Math.abs(got[i] - v) <= 1e-9 * Math.abs(v),
          `${what} w${i + 1}: ${got[i]} vs ${v}`,
        )
      );
    near([rows[0].w1, rows[0].w2], [110 / 101, 11 / 101], "r = 0 (minimum norm)");
    const half = rows.find((r) => r.rate === 0.5)!;
    near([half.w1, half.w2], [11 / 30, 11 / 3], "r = 0.5");
    for (const { rate, w1, w2 } of rows.filter((r) => r.rate > 0)) {
      near([w1, w2], enumeratedMinimiser(rate), `r = ${rate}`);
    }
    near([data.minNorm.w1, data.minNorm.w2], [110 / 101, 11 / 101], "minNorm");
    near([data.limitAtZero.w1, data.limitAtZero.w2], [0.55, 5.5], "limitAtZero");
  });

  await t.step("SGD rows ship the exact mean dynamics: the tail mean's offset and τ", () => {
    for (
      const s of (data.summary as Summary[]).filter((s) => s.optimizer === "sgd" && s.rate > 0)
    ) {
      const want = recursedOffset(s.rate, s.learningRate, grid.steps);
      const got = [s.expectedOffset!.w1, s.expectedOffset!.w2];
      // Offsets are shipped to ten digits; 1e-9 absolute on a relative offset is that rounding.
      got.forEach((v, i) =>
        assert.ok(Math.abs(v - want[i]) <= 1e-9, `r=${s.rate} w${i + 1}: ${v}`)
      );
      assert.ok(s.timeConstant! > 0);
    }
    const smallest = (data.summary as Summary[]).find((s) =>
      s.rate === 0.01 && s.optimizer === "sgd"
    )!;
    // The slow mode: τ ≈ 3,200 steps, and the 20,000-step tail still sits about 0.4 % off.
    assert.ok(smallest.timeConstant! > 3000 && smallest.timeConstant! < 3300);
    assert.ok(Math.abs(smallest.expectedOffset!.w2) > 0.003, `${smallest.expectedOffset!.w2}`);
    for (const s of (data.summary as Summary[]).filter((s) => s.optimizer === "adam")) {
      assert.equal(s.expectedOffset, null);
      assert.equal(s.timeConstant, null);
    }
  });

  await t.step(
    "every positive rate: both optimisers' means sit within 1 % of w*(r), SGD's after its offset",
    () => {
      // The seed means scatter by about 0.35 % (five seeds) and SGD's mean is expected at
      // w*(1 + offset); the worst remaining gap is 0.25 %. 1 % fails any 2 % error.
      for (const s of (data.summary as Summary[]).filter((s) => s.rate > 0)) {
        const want = enumeratedMinimiser(s.rate);
        const offset = s.expectedOffset ?? { w1: 0, w2: 0 };
        const got = [s.w1Mean / (1 + offset.w1), s.w2Mean / (1 + offset.w2)];
        got.forEach((v, i) =>
          assert.ok(
            Math.abs(v - want[i]) <= 0.01 * want[i],
            `${s.optimizer} r=${s.rate} w${i + 1} ${v} vs ${want[i]}`,
          )
        );
      }
    },
  );

  await t.step("rate 0: SGD finds the minimum-norm fit, Adam the equal-weights one", () => {
    const at0 = (opt: string) =>
      (data.summary as Summary[]).find((s) => s.rate === 0 && s.optimizer === opt)!;
    const sgd0 = at0("sgd");
    assert.ok(Math.abs(sgd0.w1Mean - 110 / 101) < 1e-9 && Math.abs(sgd0.w2Mean - 11 / 101) < 1e-9);
    assert.ok(Math.abs(at0("adam").w1Mean - 1) < 1e-3 && Math.abs(at0("adam").w2Mean - 1) < 1e-3);
    // And the smallest positive rate is near the r → 0+ limit (0.55, 5.5), not near either r = 0
    // answer.
    const smallest = Math.min(...grid.rates.filter((r: number) => r > 0));
    const sgd = (data.summary as Summary[]).find((s) =>
      s.rate === smallest && s.optimizer === "sgd"
    )!;
    assert.ok(Math.abs(sgd.w2Mean - 5.5) < 0.15, `w2 at r=${smallest}`);
  });

  await t.step("deterministic: same grid, same bytes", async () => {
    const again = await builtOutput(loader);
    assert.equal(again.stdout, stdout, `a fresh run differs from ${again.from}`);
  });
});

Deno.test("loader: a bad grid exits non-zero with nothing on stdout", async () => {
  const good = JSON.parse(await Deno.readTextFile(new URL("data/dropout-toy.json", root)));
  const dir = await Deno.makeTempDir();
  try {
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { ...good, rates: [0, 1.5] },
        /grid\.rates\[1\] \(drop rate\) must be in \[0, 1\); got 1\.5/,
      ],
      [{ ...good, batchSize: 0 }, /grid\.batchSize must be an integer/],
      [{ ...good, seeds: [] }, /grid\.seeds must be a non-empty array/],
      [
        { ...good, seeds: [1, 2 ** 32 + 1] },
        /grid\.seeds\[1\] must be an integer in \[0, 4294967295\]; got 4294967297/,
      ],
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
