/**
 * Exact fractions (BigInt numerator over a positive BigInt denominator, in lowest terms), so that a
 * small linear system typed by a reader is solved exactly: a singular system is singular, not
 * "determinant 1e-17", and a filter of thirds prints as 7/3 rather than 2.3333333333333335.
 */
import { finiteNumber } from "../validate.js";

export interface Fraction {
  readonly n: bigint;
  /** Always positive. */
  readonly d: bigint;
}

const abs = (a: bigint) => (a < 0n ? -a : a);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function fraction(n: bigint, d: bigint = 1n): Fraction {
  if (d === 0n) throw new RangeError("a fraction's denominator must not be 0");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const ZERO = fraction(0n);
export const ONE = fraction(1n);

/**
 * The number a reader sees, as a fraction: `value` is read through its shortest decimal form
 * (String(0.1) is "0.1"), so 0.1 becomes 1/10 and not the binary double nearest to it.
 */
export function fromNumber(value: number, name = "value"): Fraction {
  finiteNumber(name, value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`${name} could not be read as a decimal; got ${value}`);
  const [, sign, whole, decimals = "", exponent = "0"] = match;
  let n = BigInt(whole + decimals) * (sign ? -1n : 1n);
  let d = 10n ** BigInt(decimals.length);
  const e = Number(exponent);
  if (e >= 0) n *= 10n ** BigInt(e);
  else d *= 10n ** BigInt(-e);
  return fraction(n, d);
}

export const add = (a: Fraction, b: Fraction) => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Fraction, b: Fraction) => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction) => fraction(a.n * b.n, a.d * b.d);
export function div(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0n) throw new RangeError("division by zero");
  return fraction(a.n * b.d, a.d * b.n);
}
export const neg = (a: Fraction) => fraction(-a.n, a.d);
export const isZero = (a: Fraction) => a.n === 0n;
export const equals = (a: Fraction, b: Fraction) => a.n === b.n && a.d === b.d;
export const toNumber = (a: Fraction) => Number(a.n) / Number(a.d);

/** "7/3", "-2", "0". */
export function fractionText(a: Fraction): string {
  return a.d === 1n ? String(a.n) : `${a.n}/${a.d}`;
}
