/**
 * How exercises print numbers: in prompts, in solutions and as the answer forms the checker
 * accepts. One place, so that what a card shows is exactly what a reader can type back.
 */

/**
 * `x` to `digits` significant digits, trailing zeros dropped, an ASCII minus (readers type it),
 * no exponent for the magnitudes exercises use (1e-6 to 1e9): 0.0304, 12.5, -3. A whole number
 * prints in full (70656), since counts are exact.
 */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) throw new RangeError(`formatNumber: ${x} is not a finite number`);
  if (Number.isInteger(x)) return String(x);
  const fixedPlaces = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x))));
  const rounded = Number(x.toPrecision(digits));
  const text = rounded.toFixed(Math.min(fixedPlaces, 20));
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** A vector as readers type it: [2, -1, 3]. */
export function formatVector(v: readonly number[], digits = 4): string {
  return `[${v.map((x) => formatNumber(x, digits)).join(", ")}]`;
}

/** A matrix as readers type it, row by row: [[1, 2], [3, 4]]. */
export function formatMatrix(m: readonly (readonly number[])[], digits = 4): string {
  return `[${m.map((row) => formatVector(row, digits)).join(", ")}]`;
}

/** A fraction in lowest terms, e.g. 13/405; a whole number prints without a denominator. */
export function formatFraction(numerator: number, denominator: number): string {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator === 0) {
    throw new RangeError(`formatFraction: ${numerator}/${denominator} is not a fraction`);
  }
  const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
  const g = gcd(numerator, denominator) * Math.sign(denominator);
  const [p, q] = [numerator / g, denominator / g];
  return q === 1 ? String(p) : `${p}/${q}`;
}

/**
 * `x` as a fraction p/q with q ≤ `maxDenominator` when it is one (to floating-point noise), by
 * continued fractions; undefined otherwise. 0.0320987… gives [13, 405]; π gives undefined.
 */
export function asFraction(x: number, maxDenominator = 1000): [number, number] | undefined {
  if (!Number.isFinite(x)) return undefined;
  // Convergents h/k of the continued fraction of |x|.
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let rest = Math.abs(x);
  for (let step = 0; step < 40; step++) {
    const a = Math.floor(rest);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > maxDenominator) return undefined;
    if (Math.abs(h1 / k1 - Math.abs(x)) <= 1e-12 * Math.max(1, Math.abs(x))) {
      return [Math.sign(x) * h1 || 0, k1];
    }
    rest = 1 / (rest - a);
    if (!Number.isFinite(rest)) return undefined;
  }
  return undefined;
}

/**
 * A number for TeX: a negative one in braces, {-4}, so that its minus is a sign and not a binary
 * operator spaced as in "3 − 4" after a comma or a bracket.
 */
export function texNumber(x: number, digits = 4): string {
  const text = formatNumber(x, digits);
  return text.startsWith("-") ? `{${text}}` : text;
}

/** A matrix as TeX, \begin{pmatrix} 1 & {-2} \\ 3 & 4 \end{pmatrix}, its entries as texNumber prints them. */
export function texMatrix(m: readonly (readonly number[])[], digits = 4): string {
  const rows = m.map((row) => row.map((x) => texNumber(x, digits)).join(" & "));
  return String.raw`\begin{pmatrix} ${rows.join(String.raw` \\ `)} \end{pmatrix}`;
}

/** A vector as TeX in parentheses, (2, {-1}, 3). */
export function texVector(v: readonly number[], digits = 4): string {
  return `(${v.map((x) => texNumber(x, digits)).join(", ")})`;
}
