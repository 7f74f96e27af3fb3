/**
 * The one rounding of shipped numbers. Loaders round what they write so that a build gives the
 * same bytes on every machine and the files stay small; each loader picks its precision (far below
 * the spread of what it reports) and passes it to its precompute as a `Rounding`.
 */

/** A rounding of one number; a precompute applies it to every measured value it ships. */
export type Rounding = (x: number) => number;

/** No rounding: what a test or a page computing live gets. */
export const exact: Rounding = (x) => x;

/**
 * Rounding to `digits` significant digits (1 to 21, what toPrecision accepts). Goes through the
 * decimal text, so a shipped value reads back as the shortest number with those digits.
 */
export function significantDigits(digits: number): Rounding {
  if (!Number.isInteger(digits) || digits < 1 || digits > 21) {
    throw new RangeError(`significant digits must be an integer in [1, 21]; got ${digits}`);
  }
  return (x) => Number(x.toPrecision(digits));
}

/** Rounding to a fixed number of decimals: for shares of a count, where the size is known. */
export function decimalPlaces(places: number): Rounding {
  if (!Number.isInteger(places) || places < 0 || places > 15) {
    throw new RangeError(`decimal places must be an integer in [0, 15]; got ${places}`);
  }
  const scale = 10 ** places;
  return (x) => Math.round(x * scale) / scale;
}

/** A copy of a JSON-able value with `round` applied to every number in it, however deep. */
export function roundEvery<T>(value: T, round: Rounding): T {
  if (typeof value === "number") return round(value) as T;
  if (Array.isArray(value)) return value.map((v) => roundEvery(v, round)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, roundEvery(v, round)]),
    ) as T;
  }
  return value;
}
