import assert from "node:assert/strict";
import { repoRoot as root, runLoader as runLoaderAt } from "./runLoader.ts";
import { theoryProfile, uniformWidths } from "../../src/compute/depth/meanField.ts";
import { HE, PYTORCH, scaledScheme, XAVIER } from "../../src/compute/depth/schemes.ts";

const loader = "src/loaders/init-variance.json.ts";
const runLoader = (args: string[] = []) => runLoaderAt(loader, args);

interface Columns {
  mean: number[];
  se: number[];
  p10: number[];
  p90: number[];
}

interface Series {
  scheme: string;
  activation: string;
  width: number;
  networks: number;
  batch: number;
  theory: { pre: number[]; grad: number[]; inputGrad: number[]; slope: number[] };
  pre: Columns;
  grad: Columns;
  slope: number[];
  inputGrad?: Columns;
  bound?: number[];
}

const schemes = { pytorch: PYTORCH, xavier: XAVIER, he: HE, "sigma-1.5": scaledScheme(1.5) };

Deno.test("loader: init-variance output", async (t) => {
  const started = performance.now();
  const { code, stdout, stderr } = await runLoader();
  const seconds = (performance.now() - started) / 1000;
  assert.equal(code, 0, stderr);
  assert.match(stderr, /done in [\d.]+ s, \d+ KiB/);
  // Its time is a benchmark number (deno task bench --only=build), not a pass/fail condition:
  // on a shared machine it varies with the load.
  console.log(`init-variance loader: ${seconds.toFixed(1)} s`);
  const data = JSON.parse(stdout);
  const grid = JSON.parse(await Deno.readTextFile(new URL("data/init-variance.json", root)));
  const series = data.series as Series[];
  const depth = grid.depth;

  await t.step("one series per scheme × activation × width, every column depth long", () => {
    assert.equal(
      series.length,
      grid.schemes.length * grid.activations.length * grid.widths.length,
    );
    for (const s of series) {
      for (const c of [s.pre.mean, s.pre.se, s.pre.p10, s.pre.p90, s.slope, s.theory.pre]) {
        assert.equal(c.length, depth);
      }
      assert.equal(s.grad.mean.length, depth + 1);
      assert.equal(s.theory.grad.length, depth + 1);
      assert.equal(Boolean(s.inputGrad), grid.inputGradActivations.includes(s.activation));
      for (let l = 0; l < depth; l++) assert.ok(s.pre.p10[l] <= s.pre.p90[l]);
    }
  });

  await t.step("theory columns are theoryProfile's, to the five digits shipped", () => {
    for (const s of series) {
      const want = theoryProfile({
        scheme: schemes[s.scheme as keyof typeof schemes],
        activation: s.activation as "relu",
        widths: uniformWidths(depth, s.width),
      });
      const near = (got: number[], expected: number[]) =>
        expected.forEach((v, i) => assert.ok(Math.abs(got[i] / v - 1) < 1e-4, `${s.scheme}`));
      near(s.theory.pre, want.preVariance);
      near(s.theory.grad, want.gradMeanSquare);
      near(s.theory.inputGrad, want.inputGradMeanSquare);
    }
  });

  await t.step(
    "pytorchCheck at [100, 50, 50, 20]: formula 13/405, its recursion, and Monte Carlo within 4 standard errors",
    () => {
      const check = data.pytorchCheck;
      assert.deepEqual(check.widths, [100, 50, 50, 20]);
      assert.ok(Math.abs(check.formula - 13 / 405) < 1e-15);
      assert.ok(Math.abs(check.recursion.at(-1) - 13 / 405) < 1e-15);
      const mc = check.monteCarlo;
      assert.ok(4 * mc.meanSquareSe < 0.02 * check.formula);
      assert.ok(Math.abs(mc.meanSquare - check.formula) <= 4 * mc.meanSquareSe);
      assert.ok(Math.abs(mc.mean) <= 4 * mc.meanSe);
    },
  );

  await t.step(
    "identity and ReLU, where the recursion is exact: Monte Carlo within 4 standard errors over the first ten layers",
    () => {
      for (const s of series.filter((s) => ["identity", "relu"].includes(s.activation))) {
        for (let l = 0; l < 10; l++) {
          const z = (s.pre.mean[l] - s.theory.pre[l]) / s.pre.se[l];
          assert.ok(
            Math.abs(z) <= 4,
            `${s.scheme} ${s.activation} ${s.width} layer ${l + 1}: ${z}`,
          );
        }
        const zg = (s.grad.mean[depth - 1] - s.theory.grad[depth - 1]) / s.grad.se[depth - 1];
        assert.ok(Math.abs(zg) <= 4, `${s.scheme} ${s.activation} ${s.width} gradient: ${zg}`);
      }
      // He's first pre-activation variance is 2 with unit-variance raw input.
      for (const s of series.filter((s) => s.scheme === "he")) {
        assert.equal(s.theory.pre[0], 2);
        assert.ok(Math.abs(s.pre.mean[0] - 2) <= 4 * s.pre.se[0], `${s.activation} ${s.width}`);
      }
    },
  );

  await t.step(
    "the bound √(mean of (∏ γ‖W_ℓ‖₂)²) lies above the measured gradient at every depth",
    () => {
      for (const s of series.filter((s) => s.inputGrad)) {
        s.bound!.forEach((b, l) =>
          assert.ok(b >= Math.sqrt(s.inputGrad!.mean[l]), `${s.scheme} ${s.activation} ${l}`)
        );
      }
      // And sigmoid's gradient at the first layer of a depth-50 He network is far below ReLU's.
      for (const width of grid.widths.map((w: { width: number }) => w.width)) {
        const at = (activation: string) =>
          series.find((s) => s.scheme === "he" && s.activation === activation && s.width === width)!
            .inputGrad!.mean[depth - 1];
        assert.ok(at("sigmoid") < 1e-20 * at("relu"), `width ${width}`);
      }
    },
  );

  await t.step(
    "finite width: the spread between networks and tanh's gap to the Gaussian theory shrink as the width grows",
    () => {
      const widths = grid.widths.map((w: { width: number }) => w.width).sort((
        a: number,
        b: number,
      ) => a - b);
      const [narrow, wide] = [widths[0], widths.at(-1)];
      const find = (scheme: string, activation: string, width: number) =>
        series.find((s) =>
          s.scheme === scheme && s.activation === activation && s.width === width
        )!;
      const band = (width: number) => {
        const pre = find("he", "relu", width).pre;
        return pre.p90[depth - 1] / pre.p10[depth - 1];
      };
      assert.ok(band(narrow) > 10 * band(wide), `${band(narrow)} vs ${band(wide)}`);
      const gap = (width: number) => {
        const s = find("xavier", "tanh", width);
        return Math.abs(s.pre.mean[depth - 1] / s.theory.pre[depth - 1] - 1);
      };
      assert.ok(gap(narrow) > 3 * gap(wide), `${gap(narrow)} vs ${gap(wide)}`);
      assert.ok(gap(narrow) > 0.2, `tanh at width ${narrow}: ${gap(narrow)}`);
    },
  );

  await t.step(
    "PyTorch's biases floor the forward variance but not the gradient; bias-free schemes shrink both alike",
    () => {
      for (const width of grid.widths.map((w: { width: number }) => w.width)) {
        const s = series.find((s) =>
          s.scheme === "pytorch" && s.activation === "relu" && s.width === width
        )!;
        // Forward: the bias term 1/(3d) stops the fall, after a few layers the variance is flat.
        assert.ok(s.theory.pre[depth - 1] > 0.99 * s.theory.pre[9], `width ${width}`);
        // Backward: one factor s²·X = 1/6 per layer, biases or not.
        assert.ok(Math.abs(s.theory.grad[0] / 6 ** -depth - 1) < 1e-3);
        const x = series.find((s) =>
          s.scheme === "xavier" && s.activation === "relu" && s.width === width
        )!;
        assert.ok(Math.abs(x.theory.pre[depth - 1] / (2 * x.theory.grad[0]) - 1) < 1e-3);
      }
    },
  );

  await t.step("deterministic: same grid, same bytes", async () => {
    const again = await runLoader();
    assert.equal(again.stdout, stdout);
  });
});

Deno.test("loader: a bad init-variance grid exits non-zero with nothing on stdout", async () => {
  const good = JSON.parse(await Deno.readTextFile(new URL("data/init-variance.json", root)));
  const small = { ...good, depth: 3, widths: [{ width: 4, networks: 2, batch: 2 }] };
  const dir = await Deno.makeTempDir();
  try {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...small, depth: 0 }, /grid\.depth must be an integer in \[1, 200\]; got 0/],
      [
        { ...small, widths: [{ width: 0, networks: 2, batch: 2 }] },
        /grid\.widths\[0\]\.width must be an integer in \[1, 4096\]; got 0/,
      ],
      [
        { ...small, schemes: [{ name: "sigma", sigma: -1 }] },
        /grid\.schemes\[0\]\.sigma must be in \[0\.01, 10\]; got -1/,
      ],
      [{ ...small, activations: ["softplus"] }, /grid\.activations\[0\] must be one of/],
      [{ ...small, seed: -1 }, /grid\.seed must be an integer/],
    ];
    for (const [i, [grid, message]] of cases.entries()) {
      const path = `${dir}/grid${i}.json`;
      await Deno.writeTextFile(path, JSON.stringify(grid));
      const { code, stdout, stderr } = await runLoader([path]);
      assert.equal(code, 1, `case ${i} should fail`);
      assert.equal(stdout, "");
      assert.match(stderr, message);
    }
    const { code, stdout } = await runLoader([`${dir}/missing.json`]);
    assert.equal(code, 1);
    assert.equal(stdout, "");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
