/**
 * The caption of the momentum page's trajectory chart when the run diverged: on a quadratic it
 * names the bound ε < 2(1 + β)/λ_max, on the Rosenbrock valley it says where the run left and how
 * steep the valley was where ε first passed the local bound (divergence.ts), never the quadratic
 * model's bound, which is not the cause there.
 */
import type { DivergenceReport } from "../../compute/momentum/divergence.js";
import { DIVERGENCE_BOUND } from "../../compute/optimizers.js";
import { num, superscript } from "../math.js";

/** Three significant digits, as the sliders show them. */
const short = (v: number) => String(Number(v.toPrecision(3)));

const bound = `10${superscript(Math.log10(DIVERGENCE_BOUND))}`;

export function divergedCaption(
  report: DivergenceReport,
  { beta, epsilon, together }: { beta: number; epsilon: number; together: boolean },
): string {
  const setting = `With ε = ${short(epsilon)} and β = ${short(beta)}`;
  const leave = together
    ? "momentum and the running average leave the chart together"
    : "momentum leaves the chart";
  if (report.cause === "step above the bound") {
    return `${setting} the error along the steep direction grows geometrically: ${leave}, a coordinate passing ${bound} at step ${report.leftAt}, because ε is above 2(1 + β)/λ_max = ${
      short(report.limit)
    }.`;
  }
  const steep = report.steep
    ? ` The valley is steeper away from its minimum: at step ${report.steep.step}, at (${
      num(report.steep.x, 2)
    }, ${num(report.steep.y, 2)}), its largest curvature is ${
      num(report.steep.curvature, 2)
    }, where the same bound would be ε < ${num(report.steep.localLimit, 2)}.`
    : "";
  return `${setting} the path runs away: ${leave}, a coordinate passing ${bound} at step ${report.leftAt}. The bound 2(1 + β)/λ_max = ${
    short(report.limit)
  } belongs to the valley's quadratic model at its minimum (ε is ${
    epsilon < report.limit ? "below" : "above"
  } it), not to this path.${steep}`;
}
