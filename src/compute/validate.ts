/**
 * Argument checks shared by the compute modules.
 *
 * Pages pass slider and text-box values straight into the maths, so every check throws a
 * RangeError whose message names the parameter, the allowed range and the value received; the
 * page can show that message to the reader as is. NaN and ±Infinity are always rejected, because
 * comparisons with NaN are false and would otherwise slip through range tests.
 */

function show(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  return String(value);
}

export function finiteNumber(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number; got ${show(value)}`);
  }
  return value;
}

export interface Interval {
  min: number;
  max: number;
  /** Whether min itself is allowed (default true). */
  minInclusive?: boolean;
  /** Whether max itself is allowed (default true). */
  maxInclusive?: boolean;
}

function intervalText({ min, max, minInclusive = true, maxInclusive = true }: Interval): string {
  return `${minInclusive ? "[" : "("}${min}, ${max}${maxInclusive ? "]" : ")"}`;
}

/** A finite number inside an interval, e.g. inRange("drop rate", r, {min: 0, max: 1, maxInclusive: false}). */
export function inRange(name: string, value: unknown, interval: Interval): number {
  const { min, max, minInclusive = true, maxInclusive = true } = interval;
  const ok = typeof value === "number" && Number.isFinite(value) &&
    (minInclusive ? value >= min : value > min) && (maxInclusive ? value <= max : value < max);
  if (!ok) throw new RangeError(`${name} must be in ${intervalText(interval)}; got ${show(value)}`);
  return value as number;
}

/** A dropout drop rate: the probability of zeroing a feature, in [0, 1). */
export function dropRate(value: unknown, name = "drop rate"): number {
  return inRange(name, value, { min: 0, max: 1, maxInclusive: false });
}

export function positiveNumber(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number > 0; got ${show(value)}`);
  }
  return value;
}

export function nonNegativeNumber(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0; got ${show(value)}`);
  }
  return value;
}

/** Seeds are reduced to 32 bits by the generator, so larger ones would repeat smaller ones' streams. */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * A seed for createRng: an integer in [0, 2³² − 1]. The generator's state is seeded from 32 bits,
 * so refusing anything else keeps every accepted seed's stream distinct (1 and 2³² + 1 would
 * otherwise give the same numbers).
 */
export function seedValue(value: unknown, name = "seed"): number {
  return integerAtLeast(name, value, 0, MAX_SEED);
}

export function integerAtLeast(name: string, value: unknown, min: number, max?: number): number {
  const ok = typeof value === "number" && Number.isInteger(value) && value >= min &&
    (max === undefined || value <= max);
  if (!ok) {
    const range = max === undefined ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new RangeError(`${name} must be an integer ${range}; got ${show(value)}`);
  }
  return value as number;
}

export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(
      `${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}; got ${
        show(value)
      }`,
    );
  }
  return value as T;
}

/** An array of finite numbers, optionally of a fixed length. */
export function finiteVector(name: string, value: unknown, length?: number): number[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new RangeError(`${name} must be a non-empty array of finite numbers; got ${show(value)}`);
  }
  if (length !== undefined && value.length !== length) {
    throw new RangeError(
      `${name} must have exactly ${length} entries; got ${value.length} (${show(value)})`,
    );
  }
  value.forEach((v, i) => finiteNumber(`${name}[${i}]`, v));
  return value as number[];
}
