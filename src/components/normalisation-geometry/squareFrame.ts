/**
 * Plot options for a square plot whose two axes share one scale, so that a circle is drawn as a
 * circle: a square domain around the given points and the origin, and a frame as tall as it is wide.
 */
import { chartWidth } from "../colors.js";

export interface SquarePoint {
  x: number;
  y: number;
}

/** `pad` widens the square around the points (1.1 leaves 5 % on each side). */
export function squareFrame(
  points: readonly SquarePoint[],
  { width, maxWidth, labels, pad = 1.1 }: {
    width: number;
    maxWidth: number;
    labels: [string, string];
    pad?: number;
  },
) {
  const w = chartWidth(width, maxWidth);
  // The top margin holds the y axis's label above the highest tick.
  const margin = { top: 26, right: 12, bottom: 36, left: 40 };
  const xs = [0, ...points.map((p) => p.x)];
  const ys = [0, ...points.map((p) => p.y)];
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const half = (pad * Math.max(x1 - x0, y1 - y0)) / 2;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return {
    width: w,
    height: w - margin.left - margin.right + margin.top + margin.bottom,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    x: { domain: [cx - half, cx + half], label: labels[0], grid: true },
    y: { domain: [cy - half, cy + half], label: labels[1], grid: true },
  };
}
