import assert from "node:assert/strict";
import { makeSurface, ROSENBROCK_SCALE, SURFACE_KINDS } from "../../../src/compute/surfaces.ts";
import { DIVERGENCE_BOUND, runOptimizer } from "../../../src/compute/optimizers.ts";
import { stableStepLimit } from "../../../src/compute/momentum/quadraticRate.ts";
import { divergenceReport, largestCurvature } from "../../../src/compute/momentum/divergence.ts";
import { divergedCaption } from "../../../src/components/momentum/trajectoryCaption.ts";

const start = [-1.8, 2.5] as const;
/** The default start and two others, across the box. */
const STARTS = [start, [1.9, -0.9], [-0.5, 0.2]] as const;
const surfaceOf = (kind: (typeof SURFACE_KINDS)[number]) =>
  makeSurface({ kind, kappa: 50, noise: 0.3, seed: 1 });

/** The Rosenbrock's Hessian by central differences of its gradient, largest eigenvalue. */
function numericLargestCurvature(x: number, y: number, h = 1e-5) {
  const s = surfaceOf("rosenbrock");
  const g = (a: number, b: number) => {
    const out = new Float64Array(2);
    s.gradient(a, b, out);
    return out;
  };
  const hx = [g(x + h, y), g(x - h, y)].reduce((p, q) => p.map((v, i) => (v - q[i]) / (2 * h)));
  const hy = [g(x, y + h), g(x, y - h)].reduce((p, q) => p.map((v, i) => (v - q[i]) / (2 * h)));
  const [a, b, c] = [hx[0], (hx[1] + hy[0]) / 2, hy[1]];
  return (a + c) / 2 + Math.hypot((a - c) / 2, b);
}

Deno.test("largestCurvature: the Rosenbrock's Hessian eigenvalue against differences of its gradient; 1 at the minimum", () => {
  for (const [x, y] of [[-1.8, 2.5], [0.3, -0.7], [1, 1], [1.9, 2.9]]) {
    const got = largestCurvature(surfaceOf("rosenbrock"), x, y);
    const want = numericLargestCurvature(x, y);
    assert.ok(Math.abs(got / want - 1) < 1e-6, `(${x}, ${y}): ${got} vs ${want}`);
  }
  assert.ok(Math.abs(largestCurvature(surfaceOf("rosenbrock"), 1, 1) - 1) < 1e-12);
  // Unscaled Hessian at the start: [[1200·1.8² − 400·2.5 + 2, 720], [720, 200]] = [[2890, 720], [720, 200]].
  const atStart = 1545 + Math.hypot(1345, 720);
  assert.ok(
    Math.abs(
      largestCurvature(surfaceOf("rosenbrock"), -1.8, 2.5) * ROSENBROCK_SCALE / atStart - 1,
    ) < 1e-12,
  );
});

Deno.test("divergedCaption on every surface, over β and ε: the quadratic bound is named as the cause only where it is one", () => {
  const betas = [0, 0.5, 0.9, 0.99];
  const epsilons = Array.from({ length: 40 }, (_, i) => 0.01 * 400 ** (i / 39));
  let quadraticDiverged = 0, rosenbrockDiverged = 0;
  for (const kind of SURFACE_KINDS) {
    const surface = surfaceOf(kind);
    for (const beta of betas) {
      for (const epsilon of epsilons) {
        for (const from of STARTS) {
          const spec = { kind: "momentum", alpha: beta, epsilon } as const;
          const run = runOptimizer(surface, spec, { start: from, steps: 200 });
          const report = divergenceReport(surface, run, beta, epsilon);
          if (!run.diverged) {
            assert.equal(report, undefined);
            continue;
          }
          const text = divergedCaption(report!, { beta, epsilon, together: true });
          assert.doesNotMatch(text, /NaN|undefined|Infinity|e\+/);
          // The step at which a coordinate passed 10⁶: the run is whole one step earlier.
          assert.match(text, new RegExp(`passing 10⁶ at step ${run.stepsDone + 1}[.,]`));
          const limit = stableStepLimit(surface.eigenvalues, beta);
          if (kind === "rosenbrock") {
            rosenbrockDiverged++;
            assert.doesNotMatch(text, /because/);
            assert.match(text, new RegExp(`ε is ${epsilon < limit ? "below" : "above"} it`));
            // The reported point is on the path, its curvature is the Hessian's, and ε passes its bound.
            const steep = report!.cause === "left the valley" ? report!.steep : undefined;
            assert.ok(steep, `β = ${beta}, ε = ${epsilon}: no steep point`);
            assert.equal(steep.x, run.x[steep.step]);
            assert.equal(steep.y, run.y[steep.step]);
            const curvature = numericLargestCurvature(steep.x, steep.y);
            assert.ok(Math.abs(steep.curvature / curvature - 1) < 1e-5);
            assert.ok(epsilon > (2 * (1 + beta)) / steep.curvature);
            // And it is the first such point.
            for (let t = 0; t < steep.step; t++) {
              assert.ok(
                epsilon <=
                  (2 * (1 + beta)) / numericLargestCurvature(run.x[t], run.y[t]) * (1 + 1e-5),
              );
            }
          } else {
            quadraticDiverged++;
            // On a quadratic a run diverges only above the bound, and the caption says so.
            assert.ok(
              epsilon > limit,
              `${kind}, β = ${beta}, ε = ${epsilon} diverged below ${limit}`,
            );
            assert.match(text, /because ε is above 2\(1 \+ β\)\/λ_max = /);
          }
        }
      }
    }
  }
  // Both branches were exercised, and the bound held for every stable ε on the quadratics.
  assert.ok(quadraticDiverged > 0 && rosenbrockDiverged > 0);
  const rosenbrock = surfaceOf("rosenbrock");
  // The case: β = 0.9, ε = 1.5 from the default start leaves after 7 whole steps.
  const run = runOptimizer(rosenbrock, { kind: "momentum", alpha: 0.9, epsilon: 1.5 }, {
    start,
    steps: 100,
  });
  assert.equal(run.stepsDone, 7);
  assert.ok(Math.max(...[run.x, run.y].map((v) => Math.abs(v.at(-1)!))) <= DIVERGENCE_BOUND);
  const text = divergedCaption(divergenceReport(rosenbrock, run, 0.9, 1.5)!, {
    beta: 0.9,
    epsilon: 1.5,
    together: true,
  });
  assert.match(
    text,
    /at step 0, at \(-1\.80, 2\.50\), its largest curvature is 3\.07, where the same bound would be ε < 1\.24\./,
  );
});
