import assert from "node:assert/strict";
import { builtOutput, repoRoot as root, runLoader as runLoaderAt } from "./runLoader.ts";
import { theoryProfile, uniformWidths } from "../../src/compute/meanField.ts";
import { HE, PYTORCH, scaledScheme, XAVIER } from "../../src/compute/schemes.ts";
import {
  dotAgainstLine,
  ends,
  mirrors,
  settlesFrom,
} from "../../src/components/initialisation/lookFor.ts";
import type { LoaderSeries } from "../../src/components/depthRows.ts";

const loader = "src/loaders/initialisation.json.ts";
const runLoader = (args: string[] = []) => runLoaderAt(loader, args);

const schemes = { pytorch: PYTORCH, xavier: XAVIER, he: HE, "sigma-1.5": scaledScheme(1.5) };

/**
 * E[f(a)] for a ~ N(0, q) by composite Simpson over ±10 standard deviations: written here, apart
 * from activations.ts's trapezoid, so the theory columns are checked by a second computation.
 */
function gaussExpect(f: (a: number) => number, q: number, intervals = 4000): number {
  const s = Math.sqrt(q), h = 20 / intervals;
  let sum = 0;
  for (let k = 0; k <= intervals; k++) {
    const z = -10 + k * h;
    const w = k === 0 || k === intervals ? 1 : k % 2 ? 4 : 2;
    sum += w * Math.exp(-z * z / 2) * f(s * z);
  }
  return (sum * h) / 3 / Math.sqrt(2 * Math.PI);
}
const logistic = (a: number) => 1 / (1 + Math.exp(-a));
const squareOut: Record<string, (q: number) => number> = {
  tanh: (q) => gaussExpect((a) => Math.tanh(a) ** 2, q),
  sigmoid: (q) => gaussExpect((a) => logistic(a) ** 2, q),
};
const squareSlope: Record<string, (q: number) => number> = {
  tanh: (q) => gaussExpect((a) => (1 - Math.tanh(a) ** 2) ** 2, q),
  sigmoid: (q) => gaussExpect((a) => (logistic(a) * (1 - logistic(a))) ** 2, q),
};

/**
 * The theory of one series from its own closed form: for the identity and ReLU without biases
 * q_ℓ = s²·c^(ℓ−1) and r_ℓ = c^(L−ℓ) with c = s² (identity) or s²/2 (ReLU); with PyTorch's biases
 * the course's q_ℓ = (m_{ℓ−1} + 1/d)/3; for tanh and the sigmoid the recursion on gaussExpect.
 */
function independentTheory(scheme: string, activation: string, width: number, depth: number) {
  const s2 = { pytorch: 1 / 3, xavier: 1, he: 2, "sigma-1.5": 2.25 }[scheme]!;
  const bias = scheme === "pytorch" ? 1 / (3 * width) : 0;
  const pre: number[] = [], slope: number[] = [];
  let handed = 1;
  for (let l = 1; l <= depth; l++) {
    const q = s2 * handed + bias;
    pre.push(q);
    if (activation === "identity") [handed, slope[l - 1]] = [q, 1];
    else if (activation === "relu") [handed, slope[l - 1]] = [q / 2, 1 / 2];
    else [handed, slope[l - 1]] = [squareOut[activation](q), squareSlope[activation](q)];
  }
  const grad = [1];
  for (let l = depth; l >= 1; l--) grad.unshift(s2 * slope[l - 1] * grad[0]);
  return { pre, grad };
}

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
  const grid = JSON.parse(await Deno.readTextFile(new URL("data/initialisation.json", root)));
  const series = data.series as LoaderSeries[];
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
    "theory columns at every layer against closed forms, the course's PyTorch recursion and a separate quadrature, and the audit's values",
    () => {
      const near = (got: number, want: number, what: string, tol = 1e-4) =>
        assert.ok(Math.abs(got / want - 1) < tol, `${what}: ${got} vs ${want}`);
      for (const s of series) {
        const want = independentTheory(s.scheme, s.activation, s.width, depth);
        const what = `${s.scheme} ${s.activation} ${s.width}`;
        // Shipped to 5 digits; the quadratures agree far better than the 1e-4 allowed here.
        want.pre.forEach((q, l) => near(s.theory.pre[l], q, `${what} q${l + 1}`));
        want.grad.forEach((r, l) => near(s.theory.grad[l], r, `${what} r${l}`));
        if (s.activation === "identity" && s.scheme !== "pytorch") {
          const s2 = s.theory.pre[0];
          s.theory.pre.forEach((q, l) => near(q, s2 ** (l + 1), `${what} s^2ℓ`));
        }
      }
      // The course's closed form for PyTorch's identity stack, 1/3^ℓ + Σ_k 1/(3^(ℓ−k)·d), per layer.
      for (const s of series.filter((s) => s.scheme === "pytorch" && s.activation === "identity")) {
        s.theory.pre.forEach((q, i) => {
          const l = i + 1;
          let v = 3 ** -l;
          for (let k = 0; k < l; k++) v += 1 / (3 ** (l - k) * s.width);
          near(q, v, `PyTorch identity width ${s.width} layer ${l}`);
        });
      }
      // Values of the audit's independent NumPy implementation (issue 17), to the digits it gives.
      const find = (scheme: string, activation: string) =>
        series.find((s) => s.scheme === scheme && s.activation === activation)!;
      const sigmoid = find("xavier", "sigmoid"), tanh = find("sigma-1.5", "tanh");
      assert.equal(Number(sigmoid.theory.pre[depth - 1].toFixed(3)), 0.265);
      assert.equal(Number(sigmoid.theory.grad[0].toExponential(1)), 1.6e-63);
      assert.equal(Number(tanh.theory.pre[0].toFixed(2)), 2.25);
      assert.equal(Number(tanh.theory.pre[depth - 1].toFixed(2)), 0.79);
      assert.equal(Math.round(tanh.theory.grad[0]), 328);
    },
  );

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
    "identity and ReLU, where the recursion is exact: Monte Carlo within 4 standard errors at every layer that the grid resolves to 10 %",
    () => {
      // The grid's few networks resolve no layer to 2 % (4 standard errors are 5–9 % of the line
      // at layer 1 and grow with depth, where the spread is heavy-tailed and the standard error
      // itself unreliable); simulate.test.ts holds the same sampler to 2 % at layers 1–3 and the
      // step above holds the theory to its closed forms at every layer. Here every layer is
      // checked where 4 standard errors are within 10 % of the line: a coarse check of the data
      // the page ships. Width 256 has 6 networks: a standard error from 6 values is itself off
      // by ±30 % (5 degrees of freedom), so a 4-standard-error rule means nothing there and
      // only widths with at least 20 networks are held to it.
      let checked = 0;
      const trusted = series.filter((s) =>
        ["identity", "relu"].includes(s.activation) && s.networks >= 20
      );
      assert.ok(new Set(trusted.map((s) => s.width)).size >= 2);
      for (const s of trusted) {
        for (const [column, theory] of [[s.pre, s.theory.pre], [s.grad, s.theory.grad]] as const) {
          theory.forEach((want, l) => {
            // r_L = 1 by construction (the unit readout): nothing to check there.
            if (column === s.grad && l === depth) return;
            if (!(4 * column.se[l] < 0.1 * want)) return;
            checked++;
            const z = (column.mean[l] - want) / column.se[l];
            assert.ok(Math.abs(z) <= 4, `${s.scheme} ${s.activation} ${s.width} [${l}]: z ${z}`);
          });
        }
        assert.ok(4 * s.pre.se[0] < 0.1 * s.theory.pre[0], `${s.scheme} ${s.width} layer 1`);
      }
      console.log(`Monte Carlo layers resolved to 10 % and within 4 standard errors: ${checked}`);
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
      // Signed: the page says "below" at every width of the grid.
      const gap = (width: number) => {
        const s = find("xavier", "tanh", width);
        return s.pre.mean[depth - 1] / s.theory.pre[depth - 1] - 1;
      };
      for (const width of widths) {
        assert.ok(gap(width) < 0, `tanh at width ${width}: ${gap(width)}`);
      }
      assert.ok(-gap(narrow) > 3 * -gap(wide), `${gap(narrow)} vs ${gap(wide)}`);
      assert.ok(gap(narrow) < -0.2, `tanh at width ${narrow}: ${gap(narrow)}`);
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

  await t.step(
    "What to look for: the backward chart mirrors the forward one for identity and ReLU without biases only; what the dots show at depth",
    () => {
      const widths = grid.widths.map((w: { width: number }) => w.width);
      for (const s of series as LoaderSeries[]) {
        const exact = ["identity", "relu"].includes(s.activation) && s.scheme !== "pytorch";
        assert.equal(mirrors(s), exact, `${s.scheme} ${s.activation} ${s.width}`);
      }
      const at = (scheme: string, activation: string, width: number) =>
        series.find((s) =>
          s.scheme === scheme && s.activation === activation && s.width === width
        )! as LoaderSeries;
      for (const width of widths) {
        // Sigmoid with Xavier: the variance is flat from layer 3 on, the gradient all but gone.
        const sigmoid = at("xavier", "sigmoid", width);
        assert.equal(settlesFrom(sigmoid.theory.pre), 3);
        assert.ok(ends(sigmoid).last < ends(sigmoid).first);
        // Tanh with σ = 1.5: the variance falls while the squared gradient at the input is
        // hundreds of times the 1 at the top.
        const tanh = at("sigma-1.5", "tanh", width);
        assert.ok(ends(tanh).last < ends(tanh).first);
        assert.ok(ends(tanh).inputGrad > 100 * tanh.theory.grad[depth]);
        // PyTorch with ReLU: the forward variance has a floor; the gradient has none.
        const pytorch = at("pytorch", "relu", width);
        assert.ok(pytorch.theory.pre[depth - 1] > 0.99 * pytorch.theory.pre[depth - 2]);
        assert.ok(pytorch.theory.grad[0] < 1e-30);
      }
      // He–ReLU at layer 50: the dots fall far below the line at widths 16 and 64, where even
      // the 90th percentile of the networks is below it (the page prints those facts from the
      // same columns, with the side computed).
      const [narrow, middle] = [...widths].sort((a, b) => a - b);
      for (const width of [narrow, middle]) {
        const dot = dotAgainstLine(at("he", "relu", width), "pre", depth);
        assert.equal(dot.theory, 2);
        assert.ok(dot.mean < 0.6 * dot.theory, `width ${width}: ${dot.mean}`);
        assert.ok(dot.p90 < dot.theory, `width ${width}: ${dot.p90}`);
      }
      assert.ok(dotAgainstLine(at("he", "relu", narrow), "pre", depth).mean < 0.2 * 2);
    },
  );

  await t.step("deterministic: same grid, same bytes", async () => {
    const again = await builtOutput(loader);
    assert.equal(again.stdout, stdout, `a fresh run differs from ${again.from}`);
  });
});

Deno.test("loader: a bad init-variance grid exits non-zero with nothing on stdout", async () => {
  const good = JSON.parse(await Deno.readTextFile(new URL("data/initialisation.json", root)));
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
