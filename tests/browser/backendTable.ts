/**
 * What each page's live sections produce, per page, for backends.test.ts: which numbers on the
 * page's test hooks (`globalThis.__explorables`) must equal the CPU backend's within a float32
 * bound, which measured gaps to a Float64 reference must stay under a float32 bound on every
 * backend, and which trainings must learn. Each page with live sections gives its entry as
 * `backends` in tests/browser/pages/<slug>.ts (the test fails for a page without one); here are
 * its shape and the helpers behind the verdicts.
 *
 * Paths are dotted, `*` standing for every key or element (`runs.*.test.noise`); every number
 * below a path is compared, arrays and objects flattened in order.
 */
export interface SameAsCpu {
  hook: string;
  /** |x − cpu| ≤ abs + rel·|cpu|. */
  rel: number;
  abs?: number;
  /** Why this bound, when it is not a single float32 evaluation's. */
  note?: string;
}

export interface GapBound {
  /** A gap the page measures between tfjs and its Float64 (or exact) reference. */
  hook: string;
  max: number;
}

export interface Learns {
  hook: string;
  /** The least acceptable value (e.g. test accuracy well above 10 % chance). */
  min: number;
  note: string;
}

export interface BackendEntry {
  /** Query (without backend) that keeps the run short; the page's defaults when absent. */
  query?: string;
  same: SameAsCpu[];
  gaps: GapBound[];
  learns?: Learns[];
  note?: string;
}

/** One training run's end point after a few thousand float32 steps: rounding differs by backend. */
export const training = "float32 rounding differs between backends and accumulates over the run";

/** Every number under `path` in `hooks`, flattened in order (`*`: every key or element). */
export function numbersAt(hooks: unknown, path: string): number[] {
  const walk = (value: unknown, keys: string[]): unknown[] => {
    if (keys.length === 0) return [value];
    if (value === null || typeof value !== "object") return [];
    const [key, ...rest] = keys;
    const children = key === "*" ? Object.values(value) : [(value as Record<string, unknown>)[key]];
    return children.flatMap((child) => walk(child, rest));
  };
  const flatten = (value: unknown): number[] =>
    typeof value === "number"
      ? [value]
      : value !== null && typeof value === "object"
      ? Object.values(value).flatMap(flatten)
      : [];
  return walk(hooks, path.split(".")).flatMap(flatten);
}

/** The largest |x − cpu| / (abs + rel·|cpu|): under 1 passes, for the report of margins. */
export function worstRatio(
  values: number[],
  cpu: number[],
  { rel, abs = 0 }: { rel: number; abs?: number },
): number {
  return Math.max(
    0,
    ...values.map((value, i) => {
      const gap = Math.abs(value - cpu[i]);
      return gap === 0 ? 0 : gap / (abs + rel * Math.abs(cpu[i]));
    }),
  );
}

/** Entries of `values` outside |x − cpu| ≤ abs + rel·|cpu|, as "index: value against cpu". */
export function mismatches(
  values: number[],
  cpu: number[],
  { rel, abs = 0 }: { rel: number; abs?: number },
): string[] {
  if (values.length !== cpu.length) return [`${values.length} numbers against cpu's ${cpu.length}`];
  return values.flatMap((value, i) =>
    Math.abs(value - cpu[i]) <= abs + rel * Math.abs(cpu[i])
      ? []
      : [`[${i}] ${value} against ${cpu[i]}`]
  );
}
