import * as Plot from "@observablehq/plot";

/** A dashed horizontal line at `value` with its label at the right end, just above the line. */
export function horizontalReference(
  value: number,
  label: string,
  { color, dash = "4 3" }: { color: string; dash?: string },
): Plot.Markish[] {
  return [
    Plot.ruleY([value], { stroke: color, strokeDasharray: dash }),
    Plot.text([value], {
      y: (d: number) => d,
      frameAnchor: "right",
      dy: -6,
      text: () => label,
      fill: color,
    }),
  ];
}
