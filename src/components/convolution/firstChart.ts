/**
 * The convolution page's first chart, the filter sliding over the signal: the page draws it with
 * `filterChart` from its controls, and the build draws it at the controls' defaults (the course's
 * numbers) into the HTML (src/tasks/prerender.ts).
 */
import { solveFilter } from "../../compute/convolution/filterRecovery.js";
import { solvedFilter } from "../../compute/convolution/liveChecks.js";
import { FILTER_RECOVERY } from "../../compute/convolution/seeds.js";
import type { FirstChart } from "../firstChart.js";
import { slidingFilterChart } from "./slidingFilterChart.js";

/** The signal, the outputs and the filter that makes one from the other, when there is one. */
export function filterChart(signal: number[], output: number[], width: number): HTMLElement {
  const unique = solveFilter([...signal], [...output]).kind === "unique";
  const filter = solvedFilter({ signal, output });
  return slidingFilterChart({ signal, output, filter, unique }, { width });
}

export const firstChart: FirstChart = {
  name: "sliding-filter",
  width: 704,
  draw: (width) => filterChart([...FILTER_RECOVERY.signal], [...FILTER_RECOVERY.output], width),
};
