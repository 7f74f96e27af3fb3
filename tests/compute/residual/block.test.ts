import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core ships no gradient definitions; the full bundle registers them, as on the page.
import "@tensorflow/tfjs";
import {
  BLOCK_CASES,
  type BlockCase,
  blockCase,
  blockJacobian,
  blockWeights,
  caseGrid,
  caseJacobian,
  casePoints,
  centralDifferenceJacobian,
  kinkMargin,
  type Matrix,
  maxAbsDifference,
  residualBlock,
  spectralNorm2x2,
} from "../../../src/compute/residual/block.ts";
import { blockJacobianTf } from "../../../src/compute/residual/blockTf.ts";
import { createRng } from "../../../src/compute/prng.ts";
import { BLOCK_DEFAULTS, CASE_POINT_SPACING } from "../../../src/compute/residual/blockPage.ts";

await tf.setBackend("cpu");

/** Finite differences with h = 1e-6 are exact up to rounding where no ReLU switches within h. */
const FD_TOLERANCE = 1e-8;
/** tfjs computes in float32: 1e-5 relative to the Jacobian's size. */
const tfTolerance = (j: Matrix) => 1e-5 * (1 + Math.max(...j.flat().map(Math.abs)));

const fdOf = (w1: Matrix, w2: Matrix, x0: number[], skip = true) =>
  centralDifferenceJacobian((x) => residualBlock(w1, w2, x, { skip }).out, x0);

interface Found {
  w1: Matrix;
  w2: Matrix;
  x0: number[];
}

/**
 * Random blocks (n = 3, weights N(0, 1/n)) and points X₀ ~ N(0, 4I), sorted by case, keeping only
 * points at least 1e-3 from every kink: `perCase` of each.
 */
function pointsByCase(perCase: number, n = 3): Record<BlockCase, Found[]> {
  const rng = createRng(182);
  const found = Object.fromEntries(BLOCK_CASES.map((c) => [c, [] as Found[]])) as Record<
    BlockCase,
    Found[]
  >;
  for (let tries = 0; tries < 200_000; tries++) {
    if (BLOCK_CASES.every((c) => found[c].length >= perCase)) break;
    const { w1, w2 } = blockWeights(rng.int(1_000_000), n, 1);
    const x0 = Array.from({ length: n }, () => 2 * rng.normal());
    const pass = residualBlock(w1, w2, x0);
    if (kinkMargin(w1, w2, x0) < 1e-3) continue;
    const c = blockCase(pass, x0);
    if (found[c].length < perCase) found[c].push({ w1, w2, x0 });
  }
  for (const c of BLOCK_CASES) assert.equal(found[c].length, perCase, `${c}: too few points`);
  return found;
}

const cases = pointsByCase(40);

Deno.test("residualBlock(W₁, W₂, X₀) is ReLU(W₂·ReLU(W₁X₀) + X₀), worked by hand", () => {
  const w1 = [[1, -1], [2, 0]];
  const w2 = [[0.5, 1], [-1, 2]];
  const pass = residualBlock(w1, w2, [1, 2]);
  // W₁X₀ = (−1, 2), ReLU → (0, 2); W₂(0, 2) = (2, 4); + X₀ = (3, 6).
  assert.deepEqual(pass.innerPre, [-1, 2]);
  assert.deepEqual(pass.inner, [0, 2]);
  assert.deepEqual(pass.outerPre, [3, 6]);
  assert.deepEqual(pass.out, [3, 6]);
  assert.deepEqual(pass.innerMask, [0, 1]);
  assert.deepEqual(pass.outerMask, [1, 1]);
  // D₂(W₂D₁W₁ + I) = [[2, 0], [4, 0]] + I.
  assert.deepEqual(blockJacobian(w1, w2, [1, 2]), [[3, 0], [4, 1]]);
  assert.equal(blockCase(pass, [1, 2]), "mixed");
  // Without the skip: ReLU(W₂ReLU(W₁X₀)) = (2, 4), Jacobian W₂D₁W₁.
  assert.deepEqual(residualBlock(w1, w2, [1, 2], { skip: false }).out, [2, 4]);
  assert.deepEqual(blockJacobian(w1, w2, [1, 2], { skip: false }), [[2, 0], [4, 0]]);
});

/** Checks the course's form for one case against the general form, tfjs and central differences. */
async function checkCase(c: Exclude<BlockCase, "mixed">): Promise<{ fd: number; tf: number }> {
  let worstFd = 0, worstTf = 0;
  for (const { w1, w2, x0 } of cases[c]) {
    const closed = caseJacobian(c, w1, w2)!;
    const general = blockJacobian(w1, w2, x0);
    assert.ok(maxAbsDifference(closed, general) <= 1e-12, `${c}: general form at ${x0}`);
    const fd = maxAbsDifference(closed, fdOf(w1, w2, x0));
    const auto = await blockJacobianTf(tf, w1, w2, x0);
    const tfError = maxAbsDifference(closed, auto);
    assert.ok(fd <= FD_TOLERANCE, `${c}: central differences off by ${fd} at ${x0}`);
    assert.ok(tfError <= tfTolerance(closed), `${c}: tfjs off by ${tfError} at ${x0}`);
    worstFd = Math.max(worstFd, fd);
    worstTf = Math.max(worstTf, tfError);
  }
  return { fd: worstFd, tf: worstTf };
}

Deno.test("caseJacobian('outer-off') = 0 where the outer ReLU is off: equals tfjs autodiff and central differences at 40 points", async () => {
  const { fd, tf: tfError } = await checkCase("outer-off");
  // The function is constant (0) there: both checks are exact.
  assert.equal(fd, 0);
  assert.equal(tfError, 0);
});

Deno.test("caseJacobian('both-on') = W₂W₁ + I where both ReLUs are on: equals tfjs autodiff (float32) and central differences (h = 1e-6) at 40 points", async () => {
  const { fd, tf: tfError } = await checkCase("both-on");
  console.log(
    `both on: central differences within ${fd.toExponential(1)}, tfjs ${tfError.toExponential(1)}`,
  );
});

Deno.test("caseJacobian('inner-off') = I where the inner ReLU is off and X₀ > 0: equals tfjs autodiff and central differences at 40 points", async () => {
  const { fd, tf: tfError } = await checkCase("inner-off");
  for (const { w1, w2, x0 } of cases["inner-off"]) {
    const pass = residualBlock(w1, w2, x0);
    // Inner off means the outer pre-activation is X₀ itself, all positive: the outer ReLU is on.
    assert.deepEqual(pass.outerPre, x0);
    assert.ok(pass.outerMask.every((m) => m === 1));
  }
  console.log(
    `inner off: central differences within ${fd.toExponential(1)}, tfjs ${
      tfError.toExponential(1)
    }`,
  );
});

Deno.test("blockJacobian = D₂(W₂D₁W₁ + I) at 160 points of every case (mixed included), against tfjs autodiff and central differences; without the skip, D₂W₂D₁W₁", async () => {
  let worstFd = 0, worstTf = 0;
  for (const c of BLOCK_CASES) {
    for (const { w1, w2, x0 } of cases[c]) {
      for (const skip of [true, false]) {
        const general = blockJacobian(w1, w2, x0, { skip });
        if (!skip && kinkMargin(w1, w2, x0, { skip }) < 1e-3) continue;
        const fd = maxAbsDifference(general, fdOf(w1, w2, x0, skip));
        const auto = maxAbsDifference(general, await blockJacobianTf(tf, w1, w2, x0, { skip }));
        assert.ok(fd <= FD_TOLERANCE, `${c}, skip ${skip}: central differences ${fd}`);
        assert.ok(auto <= tfTolerance(general), `${c}, skip ${skip}: tfjs ${auto}`);
        worstFd = Math.max(worstFd, fd);
        worstTf = Math.max(worstTf, auto);
      }
    }
  }
  console.log(
    `general form: central differences within ${worstFd.toExponential(1)}, tfjs ${
      worstTf.toExponential(1)
    }`,
  );
});

Deno.test("blockCase: the only masks with a course formula are outer off, both on, and inner off with X₀ > 0", () => {
  const w1 = [[1, 0], [0, 1]];
  const w2 = [[1, 0], [0, 1]];
  // X₀ > 0: W₁X₀ > 0 and the outer sum 2X₀ > 0: both on, J = W₂W₁ + I = 2I.
  assert.equal(blockCase(residualBlock(w1, w2, [1, 2]), [1, 2]), "both-on");
  assert.deepEqual(blockJacobian(w1, w2, [1, 2]), [[2, 0], [0, 2]]);
  // X₀ < 0: everything off.
  assert.equal(blockCase(residualBlock(w1, w2, [-1, -2]), [-1, -2]), "outer-off");
  // With W₁ = −I, X₀ > 0 switches the inner ReLU off and leaves X₁ = X₀: J = I.
  const flip = [[-1, 0], [0, -1]];
  assert.equal(blockCase(residualBlock(flip, w2, [1, 2]), [1, 2]), "inner-off");
  assert.deepEqual(blockJacobian(flip, w2, [1, 2]), [[1, 0], [0, 1]]);
  // One unit on, one off: mixed, and the general form gives row 2 = 0.
  assert.equal(blockCase(residualBlock(w1, w2, [1, -2]), [1, -2]), "mixed");
  assert.deepEqual(blockJacobian(w1, w2, [1, -2]), [[2, 0], [0, 0]]);
  // Inner off but X₀ not all positive is not the course's third case.
  assert.equal(blockCase(residualBlock(flip, w2, [1, -2]), [1, -2]), "mixed");
});

Deno.test("caseGrid(page weights, 3, 40): the default block shows all three course cases and mixed points", () => {
  const { seed, scale } = BLOCK_DEFAULTS;
  const { w1, w2 } = blockWeights(seed, 2, scale);
  const cells = caseGrid(w1, w2, 3, 40);
  assert.equal(cells.length, 1600);
  for (const c of BLOCK_CASES) {
    const share: number = cells.filter((d) => d.case === c).length / cells.length;
    assert.ok(share > 0.05, `${c}: ${share}`);
  }
  // Each cell is labelled by the block at its centre.
  const cell = cells[41];
  assert.deepEqual([cell.x1, cell.x2], [-3 + 1.5 * 0.15, -3 + 1.5 * 0.15]);
  assert.equal(cell.case, blockCase(residualBlock(w1, w2, [cell.x1, cell.x2]), [cell.x1, cell.x2]));
});

Deno.test("blockJacobian as the weights shrink by s: the plain block's is exactly s² times, the residual block's tends to diag(1[X₀ > 0])", () => {
  const rng = createRng(5);
  for (let t = 0; t < 50; t++) {
    const { w1, w2 } = blockWeights(rng.int(1000), 3, 1);
    const x0 = [rng.normal(), rng.normal(), rng.normal()];
    const plain = blockJacobian(w1, w2, x0, { skip: false });
    for (const s of [0.5, 0.1, 0.01]) {
      const scaled = (w: Matrix) => w.map((row) => row.map((v) => s * v));
      const small = blockJacobian(scaled(w1), scaled(w2), x0, { skip: false });
      assert.ok(maxAbsDifference(small, plain.map((r) => r.map((v) => s * s * v))) < 1e-15);
    }
    const tiny = (w: Matrix) => w.map((row) => row.map((v) => 1e-6 * v));
    const residual = blockJacobian(tiny(w1), tiny(w2), x0);
    const limit = x0.map((v, i) => x0.map((_, k) => (i === k && v > 0 ? 1 : 0)));
    assert.ok(maxAbsDifference(residual, limit) < 1e-10);
  }
});

Deno.test("spectralNorm2x2(M) is the largest singular value", () => {
  assert.equal(spectralNorm2x2([[3, 0], [0, 2]]), 3);
  assert.ok(Math.abs(spectralNorm2x2([[1, 2], [2, 4]]) - 5) < 1e-14);
  const c = Math.cos(0.7), s = Math.sin(0.7);
  assert.ok(Math.abs(spectralNorm2x2([[2 * c, -2 * s], [2 * s, 2 * c]]) - 2) < 1e-14);
  assert.equal(spectralNorm2x2([[0, 0], [0, 0]]), 0);
  // Against ‖Mv‖ maximised over 3600 directions.
  const m = [[0.3, -1.2], [2.1, 0.4]];
  let best = 0;
  for (let k = 0; k < 3600; k++) {
    const a = (Math.PI * k) / 3600;
    best = Math.max(
      best,
      Math.hypot(
        m[0][0] * Math.cos(a) + m[0][1] * Math.sin(a),
        m[1][0] * Math.cos(a) + m[1][1] * Math.sin(a),
      ),
    );
  }
  assert.ok(Math.abs(spectralNorm2x2(m) - best) < 1e-6);
});

Deno.test("residualBlock, blockWeights and caseGrid refuse bad inputs with messages that name them", () => {
  const w = [[1, 0], [0, 1]];
  assert.throws(() => residualBlock(w, w, [1, NaN]), /X₀\[1\] must be a finite number; got NaN/);
  assert.throws(() => residualBlock(w, [[1, 0]], [1, 2]), /W₂ must have 2 rows; got 1/);
  assert.throws(() => blockWeights(1, 0, 1), /n must be an integer in \[1, 64\]; got 0/);
  assert.throws(() => blockWeights(1, 2, -1), /weight scale must be in \[0, 100\]; got -1/);
  assert.throws(() => blockWeights(-1, 2, 1), /seed must be an integer/);
  assert.throws(() => caseGrid(w, w, 0, 10), /extent must be a finite number > 0; got 0/);
  assert.throws(
    () => centralDifferenceJacobian((x) => x, [1], 0),
    /step h must be a finite number > 0/,
  );
});

Deno.test("casePoints(page weights): one point per case on the 0.25 grid, in that case and away from every kink", () => {
  const { w1, w2 } = blockWeights(BLOCK_DEFAULTS.seed, 2, BLOCK_DEFAULTS.scale);
  const points = casePoints(w1, w2, 3, CASE_POINT_SPACING);
  assert.deepEqual(Object.keys(points).sort(), [...BLOCK_CASES].sort());
  for (const c of BLOCK_CASES) {
    const x = points[c]!;
    x.forEach((v) => assert.ok(Math.abs(v / 0.25 - Math.round(v / 0.25)) < 1e-12));
    const pass = residualBlock(w1, w2, x);
    assert.equal(blockCase(pass, x), c);
    assert.ok(kinkMargin(w1, w2, x) > 0.1, `${c}: ${kinkMargin(w1, w2, x)}`);
  }
  // The default point X₀ = (1, 2) is in the both-on case.
  const x0 = [BLOCK_DEFAULTS.x1, BLOCK_DEFAULTS.x2];
  assert.equal(blockCase(residualBlock(w1, w2, x0), x0), "both-on");
});

Deno.test("kinkMargin(W₁, W₂, X₀) is the distance from X₀ to the nearest point where a ReLU switches", () => {
  const eye = [[1, 0], [0, 1]];
  // W₁ = W₂ = I at X₀ = (1, 2): a = (1, 2), c = 2X₀ = (2, 4), rows of W₂D₁W₁ + I are 2eᵢ:
  // distances 1, 2, 1, 2.
  assert.equal(kinkMargin(eye, eye, [1, 2]), 1);
  // Zero weights: a ≡ 0 never switches; c = X₀ switches at distance min |xᵢ|.
  const zero = [[0, 0], [0, 0]];
  assert.equal(kinkMargin(zero, zero, [0.5, -2]), 0.5);
  // Against a search along many directions: the nearest switch of any mask.
  const rng = createRng(9);
  for (let t = 0; t < 10; t++) {
    const { w1, w2 } = blockWeights(rng.int(1000), 2, 1);
    const x0 = [2 * rng.normal(), 2 * rng.normal()];
    const masks = (x: number[]) => {
      const p = residualBlock(w1, w2, x);
      return [...p.innerMask, ...p.outerMask].join();
    };
    const here = masks(x0);
    let nearest = Infinity;
    for (let k = 0; k < 360; k++) {
      const angle = (Math.PI * k) / 180;
      for (let r = 1e-3; r < 6; r *= 1.02) {
        if (masks([x0[0] + r * Math.cos(angle), x0[1] + r * Math.sin(angle)]) !== here) {
          nearest = Math.min(nearest, r);
          break;
        }
      }
    }
    const margin = kinkMargin(w1, w2, x0);
    assert.ok(
      margin <= nearest * 1.0001 + 1e-3 && nearest <= margin * 1.03 + 1e-3,
      `${margin} vs ${nearest}`,
    );
  }
});

Deno.test("at a kink (X₀ = 0, W₁ = W₂ = I) the formula and tfjs take ReLU′(0) = 0 while central differences average the two sides", async () => {
  const eye = [[1, 0], [0, 1]];
  // Each coordinate is ReLU(ReLU(x) + x): 2x for x > 0, 0 for x < 0.
  assert.equal(kinkMargin(eye, eye, [0, 0]), 0);
  assert.deepEqual(blockJacobian(eye, eye, [0, 0]), [[0, 0], [0, 0]]);
  assert.deepEqual(await blockJacobianTf(tf, eye, eye, [0, 0]), [[0, 0], [0, 0]]);
  const fd = centralDifferenceJacobian((x) => residualBlock(eye, eye, x).out, [0, 0]);
  assert.ok(maxAbsDifference(fd, [[1, 0], [0, 1]]) < 1e-9, `${fd}`);
});
