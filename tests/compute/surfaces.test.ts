import assert from "node:assert/strict";
import {
  contourLevels,
  levelCurve,
  makeSurface,
  noiseSequence,
  ROSENBROCK_SCALE,
  SURFACE_KINDS,
  type SurfaceSpec,
} from "../../src/compute/surfaces.ts";

const spec = (kind: SurfaceSpec["kind"], extra: Partial<SurfaceSpec> = {}): SurfaceSpec => ({
  kind,
  kappa: 20,
  noise: 0.3,
  seed: 1,
  ...extra,
});

/** Central differences of f, step h. */
function numericGradient(f: (x: number, y: number) => number, x: number, y: number, h = 1e-6) {
  return [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)];
}

Deno.test("makeSurface(spec).gradient(x, y) equals central differences of value(x, y) on every surface", () => {
  const g = new Float64Array(2);
  for (const kind of SURFACE_KINDS) {
    const surface = makeSurface(spec(kind));
    for (const [x, y] of [[-1.8, 2.5], [0.3, -0.7], [1.5, 2.2], [1, 1]]) {
      surface.gradient(x, y, g);
      const want = numericGradient(surface.value, x, y);
      for (let i = 0; i < 2; i++) {
        assert.ok(
          Math.abs(g[i] - want[i]) <= 1e-7 * (1 + Math.abs(want[i])),
          `${kind} ∂${i} at (${x}, ${y})`,
        );
      }
    }
  }
});

Deno.test("makeSurface: every minimum has f = 0 and a zero gradient; the quadratic's curvatures are (1/κ, 1)", () => {
  const g = new Float64Array(2);
  for (const kind of SURFACE_KINDS) {
    const surface = makeSurface(spec(kind));
    const [x, y] = surface.minimum;
    assert.equal(surface.value(x, y), 0);
    surface.gradient(x, y, g);
    assert.deepEqual([...g].map(Math.abs), [0, 0]);
  }
  assert.deepEqual(makeSurface(spec("quadratic", { kappa: 50 })).eigenvalues, [1 / 50, 1]);
});

Deno.test("makeSurface(rosenbrock): the Hessian at (1, 1) has eigenvalues (0.39936…/S, 1) with S = 1001.6…", () => {
  const surface = makeSurface(spec("rosenbrock"));
  // Hessian by differences of the exact gradient.
  const h = 1e-6;
  const g1 = new Float64Array(2), g2 = new Float64Array(2);
  const H: number[][] = [];
  for (let j = 0; j < 2; j++) {
    const dx = j === 0 ? h : 0, dy = j === 1 ? h : 0;
    surface.gradient(1 + dx, 1 + dy, g1);
    surface.gradient(1 - dx, 1 - dy, g2);
    H.push([(g1[0] - g2[0]) / (2 * h), (g1[1] - g2[1]) / (2 * h)]);
  }
  const tr = H[0][0] + H[1][1];
  const det = H[0][0] * H[1][1] - H[0][1] * H[1][0];
  const disc = Math.sqrt(tr * tr / 4 - det);
  assert.ok(Math.abs(tr / 2 + disc - 1) < 1e-6, `λ_max ${tr / 2 + disc}`);
  assert.ok(Math.abs((tr / 2 - disc) - surface.eigenvalues[0]) < 1e-8);
  assert.ok(Math.abs(ROSENBROCK_SCALE - 1001.6) < 0.01, `S = ${ROSENBROCK_SCALE}`);
  // The classic valley value: f(−1.2, 1) = 24.2 before scaling.
  assert.ok(Math.abs(surface.value(-1.2, 1) * ROSENBROCK_SCALE - 24.2) < 1e-12);
});

Deno.test("noiseSequence(seed, steps): the same seed gives the same noise, a longer run extends it", () => {
  const a = noiseSequence(4, 50);
  const b = noiseSequence(4, 80);
  assert.equal(a.length, 100);
  assert.deepEqual([...a], [...b.subarray(0, 100)]);
  assert.notDeepEqual([...a], [...noiseSequence(5, 50)]);
  // Standard normals: the mean of 20,000 is within 4 standard errors (4/√20000 = 0.028) of 0.
  const many = noiseSequence(1, 10_000);
  const mean = many.reduce((s, v) => s + v, 0) / many.length;
  assert.ok(Math.abs(mean) < 4 / Math.sqrt(many.length));
});

Deno.test("makeSurface: bad inputs throw RangeErrors that name the parameter, range and value", () => {
  const cases: [Partial<SurfaceSpec>, RegExp][] = [
    [{ kappa: 0.5 }, /^condition number κ must be in \[1, 200\]; got 0\.5$/],
    [{ kappa: NaN }, /κ must be in \[1, 200\]; got NaN/],
    [{ noise: -1 }, /^noise σ must be a finite number ≥ 0; got -1$/],
    [{ seed: 1.5 }, /^seed must be an integer/],
    [
      { kind: "bowl" as SurfaceSpec["kind"] },
      /^surface must be one of "quadratic", "rosenbrock", "noisy"; got "bowl"$/,
    ],
  ];
  for (const [patch, message] of cases) {
    assert.throws(
      () => makeSurface(spec("quadratic", patch)),
      (e: unknown) => e instanceof RangeError && message.test(e.message),
    );
  }
});

Deno.test("levelCurve(surface, c) lies on f = c, and contourLevels(surface) rise geometrically below the largest corner value", () => {
  for (const kind of SURFACE_KINDS) {
    const surface = makeSurface(spec(kind));
    const levels = contourLevels(surface);
    assert.equal(levels.length, 11);
    for (let k = 1; k < levels.length; k++) {
      assert.ok(Math.abs(levels[k] / levels[k - 1] - 1e-3 ** (-1 / 11)) < 1e-12);
    }
    for (const level of levels) {
      const curve = levelCurve(surface, level);
      assert.equal(curve.x[0], curve.x[curve.x.length - 1]);
      for (let i = 0; i < curve.x.length; i++) {
        const f = surface.value(curve.x[i], curve.y[i]);
        assert.ok(Math.abs(f / level - 1) < 1e-9, `${kind}, level ${level}: f = ${f}`);
      }
    }
  }
});
