/** Small measures the dropout-noise page reads off its fits. */

/** ‖after − before‖ / ‖before‖: how far a refit moved the predictions, relative to their size. */
export function relativeShift(before: ArrayLike<number>, after: ArrayLike<number>): number {
  if (before.length !== after.length) {
    throw new RangeError(
      `the two predictions differ in length: ${before.length} and ${after.length}`,
    );
  }
  let moved = 0;
  let size = 0;
  for (let i = 0; i < before.length; i++) {
    moved += (after[i] - before[i]) ** 2;
    size += before[i] ** 2;
  }
  return Math.sqrt(moved / size);
}

/**
 * A chart domain that holds 0 and every value, padded by `pad` of its span on each side (by `pad`
 * when every value is 0), so the paths never touch the frame.
 */
export function paddedDomain(values: readonly number[], pad = 0.05): [number, number] {
  let low = 0;
  let high = 0;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  const margin = pad * (high - low || 1);
  return [low - margin, high + margin];
}
