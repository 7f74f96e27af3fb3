/**
 * Tick values for a log axis: powers of ten inside the data's range (to 1 part in 10⁴, so a value
 * a rounding below a power still shows it). Plot's default log ticks draw a grid line at every
 * minor tick, which hides the data behind stripes.
 *
 * - Without `max`: every power of ten, with 2 and 5 added when the range spans less than two
 *   decades; empty without a positive value.
 * - With `max`: every k-th power of ten (k a whole number, the kept exponents multiples of k) so
 *   that at most `max` remain, for curves over thirty decades. Fewer than two powers in range give
 *   undefined: the axis is left to Plot's own ticks.
 */
export function logTicks(values: Iterable<number>): number[];
export function logTicks(values: Iterable<number>, options: { max: number }): number[] | undefined;
export function logTicks(values: Iterable<number>, options?: { max: number }) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const sparse = options !== undefined;
  if (!(min <= max)) return sparse ? undefined : [];
  const inRange = (t: number) => t >= min / 1.0001 && t <= max * 1.0001;
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  // 10 ** e is not always the double nearest 10ᵉ; the 12-digit round trip makes it so.
  const power = (e: number, m = 1) => Number((m * 10 ** e).toPrecision(12));
  if (sparse) {
    const exponents: number[] = [];
    for (let e = lo; e <= hi; e++) if (inRange(10 ** e)) exponents.push(e);
    if (exponents.length < 2) return undefined;
    const step = Math.max(1, Math.ceil(exponents.length / options.max));
    const ticks = exponents.filter((e) => e % step === 0).map((e) => power(e));
    return ticks.length >= 2 ? ticks : undefined;
  }
  const multiples = Math.log10(max / min) < 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) {
    for (const m of multiples) if (inRange(m * 10 ** e)) ticks.push(power(e, m));
  }
  return ticks;
}

/** Plot options for a log axis with a grid at the logTicks of `values`. */
export function logAxis(label: string, values: Iterable<number>) {
  return { label, type: "log" as const, grid: true, ticks: logTicks(values), tickFormat: "~g" };
}
