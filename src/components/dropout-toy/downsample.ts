/**
 * Reduces a long per-step series to at most `bins` points, keeping each bin's extremes so that a
 * spiky loss curve stays spiky on screen (a plain stride would hide the spikes).
 */
export interface Bin {
  step: number;
  mean: number;
  min: number;
  max: number;
}

export function downsample(values: ArrayLike<number>, bins: number, firstStep = 1): Bin[] {
  const n = values.length;
  if (n === 0) return [];
  const size = Math.max(1, Math.ceil(n / bins));
  const out: Bin[] = [];
  for (let start = 0; start < n; start += size) {
    const end = Math.min(n, start + size);
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = start; i < end; i++) {
      const v = values[i];
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    out.push({ step: firstStep + end - 1, mean: sum / (end - start), min, max });
  }
  return out;
}
