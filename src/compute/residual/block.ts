/**
 * One residual block with zero biases (Discussion 5, question 1(b)–(c)):
 *
 *   X₁ = ReLU(W₂·ReLU(W₁X₀) + X₀),   W₁, W₂ ∈ ℝⁿˣⁿ, X₀ ∈ ℝⁿ,
 *
 * and its Jacobian. Write D₁ = diag(1[W₁X₀ > 0]) and D₂ = diag(1[W₂ReLU(W₁X₀) + X₀ > 0]) for the
 * two ReLUs' slopes (0 or 1; at exactly 0 the slope is taken as 0, as tfjs does). The chain rule
 * gives, wherever no pre-activation is exactly 0,
 *
 *   ∂X₁/∂X₀ = D₂·(W₂D₁W₁ + I).
 *
 * The course's three cases are the special masks: D₂ = 0 gives 0; D₁ = D₂ = I gives W₂W₁ + I;
 * D₁ = 0 with X₀ > 0 (which forces D₂ = I, since then the outer pre-activation is X₀ itself)
 * gives I. Every other point mixes on and off units and only the general form applies. The same
 * block without its skip, ReLU(W₂ReLU(W₁X₀)), has D₂'W₂D₁W₁ and no identity term. Float64, no DOM.
 */
import { createRng } from "../prng.js";
import { spectralNorm } from "../linalg.js";
import { finiteVector, inRange, integerAtLeast, positiveNumber, seedValue } from "../validate.js";

export type Matrix = number[][];

/** A square n × n matrix of finite numbers (rows of equal length n). */
export function squareMatrix(name: string, value: unknown, n?: number): Matrix {
  if (!Array.isArray(value) || value.length === 0) {
    throw new RangeError(`${name} must be a non-empty square matrix; got ${String(value)}`);
  }
  const size = n ?? value.length;
  if (value.length !== size) {
    throw new RangeError(`${name} must have ${size} rows; got ${value.length}`);
  }
  value.forEach((row, i) => finiteVector(`${name}[${i}]`, row, size));
  return value as Matrix;
}

export interface BlockPass {
  /** W₁X₀ */
  innerPre: number[];
  /** ReLU(W₁X₀) */
  inner: number[];
  /** W₂ReLU(W₁X₀) + X₀ (without the skip: W₂ReLU(W₁X₀)) */
  outerPre: number[];
  /** X₁ */
  out: number[];
  /** Slopes of the inner ReLU, 0 or 1: the diagonal of D₁. */
  innerMask: number[];
  /** Slopes of the outer ReLU: the diagonal of D₂. */
  outerMask: number[];
}

export interface BlockOptions {
  /** Whether the block adds X₀ before the outer ReLU (default true). */
  skip?: boolean;
}

function times(w: Matrix, x: readonly number[]): number[] {
  return w.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));
}

const relu = (v: number) => (v > 0 ? v : 0);
const step = (v: number) => (v > 0 ? 1 : 0);

/** The block's forward pass: every intermediate value and both masks. */
export function residualBlock(
  w1: Matrix,
  w2: Matrix,
  x0: readonly number[],
  { skip = true }: BlockOptions = {},
): BlockPass {
  const x = finiteVector("X₀", x0);
  squareMatrix("W₁", w1, x.length);
  squareMatrix("W₂", w2, x.length);
  return blockPass(w1, w2, x, skip);
}

/** The forward pass without the argument checks, for loops over many points of checked weights. */
function blockPass(w1: Matrix, w2: Matrix, x: readonly number[], skip: boolean): BlockPass {
  const innerPre = times(w1, x);
  const inner = innerPre.map(relu);
  const outerPre = times(w2, inner).map((v, i) => (skip ? v + x[i] : v));
  return {
    innerPre,
    inner,
    outerPre,
    out: outerPre.map(relu),
    innerMask: innerPre.map(step),
    outerMask: outerPre.map(step),
  };
}

/** ∂X₁/∂X₀ = D₂(W₂D₁W₁ + I), or D₂W₂D₁W₁ without the skip: row i is zero where D₂ᵢ = 0. */
export function blockJacobian(
  w1: Matrix,
  w2: Matrix,
  x0: readonly number[],
  options: BlockOptions = {},
): Matrix {
  const skip = options.skip ?? true;
  const pass = residualBlock(w1, w2, x0, { skip });
  const n = x0.length;
  return pass.outerMask.map((outer, i) =>
    Array.from({ length: n }, (_, k) => {
      if (outer === 0) return 0;
      let s = skip && i === k ? 1 : 0;
      for (let j = 0; j < n; j++) s += w2[i][j] * pass.innerMask[j] * w1[j][k];
      return s;
    })
  );
}

/** The course's three cases, and "mixed" for every point where on and off units mix. */
export const BLOCK_CASES = ["outer-off", "both-on", "inner-off", "mixed"] as const;
export type BlockCase = typeof BLOCK_CASES[number];

export const BLOCK_CASE_LABELS: Record<BlockCase, string> = {
  "outer-off": "outer ReLU off: 0",
  "both-on": "both on: W₂W₁ + I",
  "inner-off": "inner off, X₀ > 0: I",
  mixed: "mixed: D₂(W₂D₁W₁ + I)",
};

/** Which of the course's cases a forward pass of the residual block is in. */
export function blockCase(pass: BlockPass, x0: readonly number[]): BlockCase {
  const all = (mask: number[], v: number) => mask.every((m) => m === v);
  if (all(pass.outerMask, 0)) return "outer-off";
  if (all(pass.innerMask, 1) && all(pass.outerMask, 1)) return "both-on";
  if (all(pass.innerMask, 0) && x0.every((v) => v > 0)) return "inner-off";
  return "mixed";
}

/** The course's closed form for a case: 0, W₂W₁ + I or I; undefined for "mixed". */
export function caseJacobian(c: BlockCase, w1: Matrix, w2: Matrix): Matrix | undefined {
  const n = w1.length;
  const eye = (i: number, k: number) => (i === k ? 1 : 0);
  switch (c) {
    case "outer-off":
      return w1.map(() => new Array<number>(n).fill(0));
    case "inner-off":
      return w1.map((_, i) => Array.from({ length: n }, (_, k) => eye(i, k)));
    case "both-on":
      return w2.map((row, i) =>
        Array.from({ length: n }, (_, k) => row.reduce((s, v, j) => s + v * w1[j][k], eye(i, k)))
      );
    case "mixed":
      return undefined;
  }
}

/** The step of the central differences: small, yet far above rounding for values of order 1. */
export const FD_STEP = 1e-6;

/** Central differences (f(x + heₖ) − f(x − heₖ))/2h, column k of the Jacobian of f at x. */
export function centralDifferenceJacobian(
  f: (x: number[]) => number[],
  x0: readonly number[],
  h = FD_STEP,
): Matrix {
  positiveNumber("step h", h);
  const x = finiteVector("x", x0);
  const columns = x.map((_, k) => {
    const up = x.slice();
    const down = x.slice();
    up[k] += h;
    down[k] -= h;
    const fu = f(up);
    const fd = f(down);
    return fu.map((v, i) => (v - fd[i]) / (2 * h));
  });
  return columns[0].map((_, i) => columns.map((col) => col[i]));
}

/**
 * How far X₀ is from the nearest point where one of the block's ReLUs switches: the distance to
 * the closest hyperplane {pre-activation i = 0}, each pre-activation being linear in X₀ around X₀
 * (a = W₁X₀ with rows of W₁; c with rows of W₂D₁W₁ + I, or W₂D₁W₁ without the skip). Within that
 * distance the block is linear, so central differences with a smaller step are exact up to
 * rounding; at 0 a ReLU sits on its kink and the Jacobian is not defined. A pre-activation that
 * does not move with X₀ (a zero row) never switches and is left out; Infinity if none moves.
 */
export function kinkMargin(
  w1: Matrix,
  w2: Matrix,
  x0: readonly number[],
  options: BlockOptions = {},
): number {
  const skip = options.skip ?? true;
  return marginOf(w1, w2, x0, residualBlock(w1, w2, x0, { skip }), skip);
}

function marginOf(
  w1: Matrix,
  w2: Matrix,
  x0: readonly number[],
  pass: BlockPass,
  skip: boolean,
): number {
  const n = x0.length;
  const outerRows = w2.map((row, i) =>
    Array.from({ length: n }, (_, k) => {
      let s = skip && i === k ? 1 : 0;
      for (let j = 0; j < n; j++) s += row[j] * pass.innerMask[j] * w1[j][k];
      return s;
    })
  );
  const distance = (value: number, row: readonly number[]) => {
    const size = Math.hypot(...row);
    return size === 0 ? Infinity : Math.abs(value) / size;
  };
  return Math.min(
    ...pass.innerPre.map((v, i) => distance(v, w1[i])),
    ...pass.outerPre.map((v, i) => distance(v, outerRows[i])),
  );
}

/** Largest |aᵢₖ − bᵢₖ|. */
export function maxAbsDifference(a: Matrix, b: Matrix): number {
  let worst = 0;
  a.forEach((row, i) => row.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - b[i][k])))));
  return worst;
}

/** W₁ and W₂ with entries scale·N(0, 1)/√n from the seeded generator (W₁ first, row by row). */
export function blockWeights(seed: number, n: number, scale: number): { w1: Matrix; w2: Matrix } {
  seedValue(seed);
  integerAtLeast("n", n, 1, 64);
  inRange("weight scale", scale, { min: 0, max: 100 });
  const rng = createRng(seed);
  const c = scale / Math.sqrt(n);
  const draw = () =>
    Array.from({ length: n }, () => Array.from({ length: n }, () => c * rng.normal()));
  const w1 = draw();
  return { w1, w2: draw() };
}

export interface CaseCell {
  x1: number;
  x2: number;
  case: BlockCase;
}

/**
 * The plane of X₀ = (x₁, x₂) ∈ [−extent, extent]², `steps` × `steps` cell centres, each labelled
 * with the case the block is in there (2 × 2 weights only).
 */
export function caseGrid(w1: Matrix, w2: Matrix, extent: number, steps: number): CaseCell[] {
  squareMatrix("W₁", w1, 2);
  squareMatrix("W₂", w2, 2);
  positiveNumber("extent", extent);
  integerAtLeast("steps", steps, 1, 400);
  const size = (2 * extent) / steps;
  const cells: CaseCell[] = [];
  for (let r = 0; r < steps; r++) {
    for (let c = 0; c < steps; c++) {
      const x = [-extent + (c + 0.5) * size, -extent + (r + 0.5) * size];
      cells.push({ x1: x[0], x2: x[1], case: blockCase(blockPass(w1, w2, x, true), x) });
    }
  }
  return cells;
}

/** ‖M‖₂ of a 2 × 2 matrix given as rows (linalg.ts takes it in closed form). */
export function spectralNorm2x2(m: Matrix): number {
  squareMatrix("M", m, 2);
  return spectralNorm({ rows: 2, cols: 2, data: Float64Array.from(m.flat()) });
}

/**
 * For each case found among the points of a `spacing` grid over [−extent, extent]² (2 × 2
 * weights), the point farthest from any kink (kinkMargin), as [x₁, x₂]: a point to try.
 */
export function casePoints(
  w1: Matrix,
  w2: Matrix,
  extent: number,
  spacing: number,
): Partial<Record<BlockCase, [number, number]>> {
  squareMatrix("W₁", w1, 2);
  squareMatrix("W₂", w2, 2);
  positiveNumber("extent", extent);
  positiveNumber("spacing", spacing);
  const best: Partial<Record<BlockCase, { x: [number, number]; margin: number }>> = {};
  const count = Math.round(extent / spacing);
  for (let r = -count; r <= count; r++) {
    for (let c = -count; c <= count; c++) {
      const x: [number, number] = [c * spacing, r * spacing];
      const pass = blockPass(w1, w2, x, true);
      const kind = blockCase(pass, x);
      const margin = marginOf(w1, w2, x, pass, true);
      if (!best[kind] || margin > best[kind]!.margin) best[kind] = { x, margin };
    }
  }
  return Object.fromEntries(
    BLOCK_CASES.filter((c) => best[c]).map((c) => [c, best[c]!.x]),
  ) as Partial<Record<BlockCase, [number, number]>>;
}
