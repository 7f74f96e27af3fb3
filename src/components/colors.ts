/**
 * Chart colours as CSS variables (defined in style.css for light and dark), so every mark stays
 * readable in both schemes: each series colour keeps at least 3:1 contrast against the page.
 */
export const colors = {
  ink: "currentColor",
  muted: "var(--theme-foreground-muted)",
  blue: "var(--series-blue)",
  red: "var(--series-red)",
  green: "var(--series-green)",
  purple: "var(--series-purple)",
  orange: "var(--series-orange)",
  /** Seven steps of an ordered scale (viridis, cut to the part that contrasts with the page). */
  sequence: Array.from({ length: 7 }, (_, i) => `var(--series-seq-${i})`),
} as const;

/** Charts never get narrower than this, so axes and labels keep room on a 320 px phone. */
export const minChartWidth = 200;

/** The width a chart draws at: its container's, but never below minChartWidth. */
export function chartWidth(width: number, max = 900): number {
  return Math.max(minChartWidth, Math.min(Number.isFinite(width) ? width : max, max));
}
