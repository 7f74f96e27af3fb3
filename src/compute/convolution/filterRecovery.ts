/**
 * Recovering a 1-D filter from a signal and its output. With the neural-network convention (the
 * filter is not flipped, i.e. cross-correlation), stride 1 and no padding, output j is
 *
 *   y_j = Σ_t h_t · x_{j+t},   j = 0 … m − 1,  t = 0 … k − 1,  k = n − m + 1,
 *
 * which is linear in the taps h: A h = y with A[j][t] = x_{j+t}, one row per window of the signal.
 * The system is solved exactly (fractions), so a singular one is reported as singular, together
 * with the reason a reader can check: a filter that is invisible on every window (no unique
 * answer), or a relation between the windows that the outputs break (no answer at all).
 */
import { finiteVector } from "../validate.js";
import {
  add,
  div,
  type Fraction,
  fraction,
  fractionText,
  fromNumber,
  isZero,
  mul,
  neg,
  ONE,
  sub,
  toNumber,
  ZERO,
} from "./rational.js";

export interface FilterSystem {
  signal: number[];
  output: number[];
  /** Number of filter taps k = n − m + 1. */
  taps: number;
  /** m × k: row j is the window of the signal that output j sees. */
  matrix: number[][];
}

/** The linear system A h = y for the taps of a length-(n − m + 1) filter. */
export function filterSystem(signal: number[], output: number[]): FilterSystem {
  finiteVector("signal", signal);
  finiteVector("output", output);
  const n = signal.length;
  const m = output.length;
  if (m > n) {
    throw new RangeError(
      `the output has ${m} entries but the signal only ${n}: a filter of at least one tap, with no padding and stride 1, gives at most ${n} outputs`,
    );
  }
  const taps = n - m + 1;
  const matrix = Array.from({ length: m }, (_, j) => signal.slice(j, j + taps));
  return { signal: [...signal], output: [...output], taps, matrix };
}

interface Reduced {
  /** [A | y | I] brought to reduced row echelon form in its first k columns. */
  rows: Fraction[][];
  /** Pivot column of each of the first `rank` rows. */
  pivots: number[];
  /** det A when A is square (0 when singular). */
  determinant: Fraction | undefined;
}

function reduce(system: FilterSystem): Reduced {
  const { matrix, output, taps: k } = system;
  const m = matrix.length;
  const rows = matrix.map((row, j) => [
    ...row.map((v, t) => fromNumber(v, `signal[${j + t}]`)),
    fromNumber(output[j], `output[${j}]`),
    ...Array.from({ length: m }, (_, i) => (i === j ? ONE : ZERO)),
  ]);
  const pivots: number[] = [];
  let det = ONE;
  for (let col = 0; col < k && pivots.length < m; col++) {
    const r = pivots.length;
    const found = rows.findIndex((row, i) => i >= r && !isZero(row[col]));
    if (found < 0) {
      det = ZERO;
      continue;
    }
    if (found !== r) {
      [rows[r], rows[found]] = [rows[found], rows[r]];
      det = neg(det);
    }
    const pivot = rows[r][col];
    det = mul(det, pivot);
    rows[r] = rows[r].map((v) => div(v, pivot));
    for (let i = 0; i < m; i++) {
      if (i === r || isZero(rows[i][col])) continue;
      const factor = rows[i][col];
      rows[i] = rows[i].map((v, c) => sub(v, mul(factor, rows[r][c])));
    }
    pivots.push(col);
  }
  if (pivots.length < k) det = ZERO;
  return { rows, pivots, determinant: m === k ? det : undefined };
}

/** The smallest integer multiple of a vector of fractions, sign chosen so the first non-zero is positive. */
function integerDirection(vector: Fraction[]): number[] {
  let lcm = 1n;
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  for (const v of vector) lcm = (lcm * v.d) / gcd(lcm, v.d);
  const scaled = vector.map((v) => (v.n * lcm) / v.d);
  const common = scaled.reduce((g, v) => gcd(g, v), 0n) || 1n;
  const first = scaled.find((v) => v !== 0n) ?? 1n;
  const sign = first < 0n ? -1n : 1n;
  return scaled.map((v) => Number((sign * v) / common));
}

export type FilterSolution =
  & {
    system: FilterSystem;
    rank: number;
    /** det A as exact text when A is square. */
    determinant?: string;
  }
  & (
    | {
      kind: "unique";
      filter: number[];
      /** The taps as exact fractions ("2", "-7/3"). */
      exact: string[];
    }
    | {
      kind: "many";
      /** One filter that fits (its free taps set to 0). */
      filter: number[];
      exact: string[];
      /** An integer filter that gives 0 on every window: adding any multiple changes nothing. */
      invisible: number[];
    }
    | {
      kind: "none";
      /** Integer weights u with Σ_j u_j·(window j) = 0, so every filter's output has u·y = 0. */
      relation: number[];
      /** u·y for the outputs given (not 0, exactly). */
      mismatch: string;
    }
  );

/** Solves A h = y exactly: one filter, infinitely many, or none, with the reason. */
export function solveFilter(signal: number[], output: number[]): FilterSolution {
  const system = filterSystem(signal, output);
  const { rows, pivots, determinant } = reduce(system);
  const k = system.taps;
  const m = system.matrix.length;
  const rank = pivots.length;
  const base = {
    system,
    rank,
    ...(determinant ? { determinant: fractionText(determinant) } : {}),
  };
  // Rows past the rank have a zero A part: their identity part u satisfies uᵀA = 0.
  for (let i = rank; i < m; i++) {
    const uy = rows[i][k];
    if (!isZero(uy)) {
      const u = rows[i].slice(k + 1);
      const relation = integerDirection(u);
      return { ...base, kind: "none", relation, mismatch: relationValue(relation, output) };
    }
  }
  const taps: Fraction[] = Array.from({ length: k }, () => ZERO);
  pivots.forEach((col, i) => (taps[col] = rows[i][k]));
  const filter = taps.map(toNumber);
  const exact = taps.map(fractionText);
  if (rank === k) return { ...base, kind: "unique", filter, exact };
  const free = Array.from({ length: k }, (_, t) => t).find((t) => !pivots.includes(t))!;
  const direction: Fraction[] = Array.from({ length: k }, (_, t) => (t === free ? ONE : ZERO));
  pivots.forEach((col, i) => (direction[col] = neg(rows[i][free])));
  return { ...base, kind: "many", filter, exact, invisible: integerDirection(direction) };
}

/** Valid cross-correlation at stride 1: y_j = Σ_t h_t x_{j+t}. */
export function correlateValid(signal: number[], filter: number[]): number[] {
  finiteVector("signal", signal);
  finiteVector("filter", filter);
  if (filter.length > signal.length) {
    throw new RangeError(
      `the filter (${filter.length} taps) is longer than the signal (${signal.length} cells): there is no position where it fits`,
    );
  }
  return Array.from(
    { length: signal.length - filter.length + 1 },
    (_, j) => filter.reduce((sum, h, t) => sum + h * signal[j + t], 0),
  );
}

/** Exact u·y for integer u and the outputs as the reader typed them. */
function relationValue(relation: number[], output: number[]): string {
  return fractionText(
    relation.reduce(
      (sum, u, j) => add(sum, mul(fraction(BigInt(u)), fromNumber(output[j]))),
      ZERO,
    ),
  );
}

/** How output j is made, for the sliding view and its hover links. */
export interface WindowTerm {
  /** Index into the signal. */
  input: number;
  /** Index into the filter. */
  tap: number;
  product: number;
}

export interface WindowStep {
  output: number;
  terms: WindowTerm[];
  value: number;
}

export function slidingWindows(signal: number[], filter: number[]): WindowStep[] {
  const values = correlateValid(signal, filter);
  return values.map((value, j) => ({
    output: j,
    terms: filter.map((h, t) => ({ input: j + t, tap: t, product: h * signal[j + t] })),
    value,
  }));
}

/** What a reader is told about the solution, in one or two sentences. */
export function describeSolution(solution: FilterSolution): string {
  const k = solution.system.taps;
  const vector = (values: (number | string)[]) =>
    `(${values.map((v) => String(v).replace("-", "−")).join(", ")})`;
  const det = solution.determinant === undefined
    ? ""
    : solution.determinant === "0"
    ? "The determinant of the system is 0"
    : `The determinant of the system is ${solution.determinant.replace("-", "−")}, not 0`;
  if (solution.kind === "unique") {
    return `${det ? `${det}, so` : "The windows determine"} exactly one filter fits: ${
      vector(solution.exact)
    }.`;
  }
  if (solution.kind === "many") {
    return `${det ? `${det}: ` : ""}the filter ${
      vector(solution.invisible)
    } gives 0 on every window of this signal, so adding any multiple of it to a filter that fits gives another that fits. There is no unique answer: ${
      vector(solution.exact)
    } is one of infinitely many (the rank is ${solution.rank}, not ${k}).`;
  }
  const relation = solution.relation
    .map((u, j) => ({ u, j }))
    .filter(({ u }) => u !== 0)
    .map(({ u, j }, i) => {
      const size = Math.abs(u) === 1 ? "" : `${Math.abs(u)}·`;
      const sign = u < 0 ? (i === 0 ? "−" : " − ") : i === 0 ? "" : " + ";
      return `${sign}${size}y${j + 1}`;
    })
    .join("");
  return `${
    det ? `${det}: ` : ""
  }the windows of the signal are linked, so every filter's outputs satisfy ${relation} = 0. These outputs give ${
    solution.mismatch.replace("-", "−")
  }, so no filter produces them.`;
}
