/** axe-core in the page under test, from node_modules (no CDN), and its findings in short form. */
import type { Page } from "playwright-core";

const axeSource = await Deno.readTextFile(
  new URL("../../node_modules/axe-core/axe.min.js", import.meta.url),
);

export type Impact = "minor" | "moderate" | "serious" | "critical";

export interface AxeFinding {
  id: string;
  impact: Impact;
  help: string;
  /** CSS selectors of the offending nodes (at most ten), so the page author can find them. */
  targets: string[];
  count: number;
}

/**
 * Runs axe-core's default rules (WCAG 2 A/AA and best practice) on the whole document and returns
 * the violations with one of `impacts`.
 */
export async function runAxe(
  page: Page,
  { impacts = ["serious", "critical"] as Impact[] } = {},
): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in globalThis))) {
    await page.addScriptTag({ content: axeSource });
  }
  const findings = await page.evaluate(async () => {
    const axe = (globalThis as unknown as {
      axe: {
        run(context: Document, options: unknown): Promise<{
          violations: {
            id: string;
            impact: string;
            help: string;
            nodes: {
              target: unknown[];
              any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } }[];
            }[];
          }[];
        }>;
      };
    }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 10).map((node) => {
        // Contrast findings say by how much, so the fix can be judged without a second tool.
        const data = node.any.find((check) => check.data?.contrastRatio)?.data;
        const detail = data ? ` (${data.contrastRatio}:1, ${data.fgColor} on ${data.bgColor})` : "";
        return node.target.map(String).join(" ") + detail;
      }),
      count: violation.nodes.length,
    }));
  });
  return (findings as AxeFinding[]).filter((finding) => impacts.includes(finding.impact));
}

export function formatFinding(finding: AxeFinding): string {
  const more = finding.count > finding.targets.length
    ? ` (+${finding.count - finding.targets.length} more)`
    : "";
  return `${finding.id} [${finding.impact}] ${finding.help}: ${finding.targets.join(" | ")}${more}`;
}
