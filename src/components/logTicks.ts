/**
 * Tick values for a log axis: the powers of ten inside [min, max], with 2 and 5 added when the
 * range spans less than two decades. Plot's default log ticks draw a grid line at every minor tick,
 * which hides the data behind stripes.
 */
export function logTicks(values: Iterable<number>): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (!(min <= max)) return [];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const multiples = Math.log10(max / min) < 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) {
    for (const m of multiples) {
      const t = m * 10 ** e;
      if (t >= min / 1.0001 && t <= max * 1.0001) ticks.push(Number(t.toPrecision(12)));
    }
  }
  return ticks;
}

/** Plot options for a log axis with a grid at the logTicks of `values`. */
export function logAxis(label: string, values: Iterable<number>) {
  return { label, type: "log" as const, grid: true, ticks: logTicks(values), tickFormat: "~g" };
}
