/**
 * What a page looks like at one viewport width, measured in the page: sideways scroll and the
 * elements causing it, each chart's width against its container, and display math that is cut.
 */
import type { Page } from "playwright-core";

/** Below this viewport width Framework's grid stacks its cards, so a chart gets a whole row. */
export const stackedBelow = 640;
/** No chart may be drawn narrower than this, at any width. */
export const minChartWidth = 200;
/** When stacked, a chart spans at least this share of its container's content width. */
export const stackedShare = 0.95;

export interface Overflower {
  element: string;
  left: number;
  right: number;
}

export interface ChartBox {
  chart: string;
  /** Width of the chart's svg (the one with role=img, else its largest). */
  width: number;
  /** Width of the content box of the chart's container. */
  containerWidth: number;
  problems: string[];
}

export interface MathBox {
  element: string;
  text: string;
  scrollWidth: number;
  clientWidth: number;
}

export interface LayoutReport {
  viewportWidth: number;
  scrollWidth: number;
  /** Elements past the right edge whose parent is not (the causes), widest first. */
  overflowers: Overflower[];
  charts: ChartBox[];
  cutMath: MathBox[];
}

export async function measureLayout(page: Page): Promise<LayoutReport> {
  return await page.evaluate(
    ({ stackedBelow, minChartWidth, stackedShare }) => {
      const own = (element: Element): string => {
        const id = element.id ? `#${element.id}` : "";
        const classes = [...element.classList].slice(0, 3).map((name) => `.${name}`).join("");
        const chart = element.getAttribute("data-chart");
        return `${element.tagName.toLowerCase()}${id}${classes}${
          chart ? `[data-chart="${chart}"]` : ""
        }`;
      };
      const describe = (element: Element): string =>
        element.parentElement && element.parentElement !== document.body
          ? `${own(element.parentElement)} > ${own(element)}`
          : own(element);
      const rendered = (element: Element) => element.getClientRects().length > 0;
      const root = document.scrollingElement ?? document.documentElement;
      const viewportWidth = root.clientWidth;

      // An element inside a box that clips or scrolls cannot widen the page.
      const clipped = (element: Element): boolean => {
        for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
          if (getComputedStyle(up).overflowX !== "visible") {
            return up.getBoundingClientRect().right <= viewportWidth + 0.5;
          }
        }
        return false;
      };
      const beyond = new Set<Element>();
      for (const element of document.body.querySelectorAll("*")) {
        if (!rendered(element)) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0) continue;
        if ((box.right > viewportWidth + 0.5 || box.left < -0.5) && !clipped(element)) {
          beyond.add(element);
        }
      }
      const overflowers = [...beyond]
        .filter((element) => !element.parentElement || !beyond.has(element.parentElement))
        .map((element) => {
          const box = element.getBoundingClientRect();
          return {
            element: describe(element),
            left: Math.round(box.left),
            right: Math.round(box.right),
          };
        })
        .sort((a, b) => b.right - a.right)
        .slice(0, 6);

      const contentBox = (element: Element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        const left = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
        const right = box.right - parseFloat(style.borderRightWidth) -
          parseFloat(style.paddingRight);
        return { left, right, width: right - left };
      };
      const chartElements = [...document.querySelectorAll("figure.chart, [data-chart]")].filter(
        (element) => !element.parentElement?.closest("figure.chart, [data-chart]"),
      );
      const charts = chartElements.filter(rendered).map((element) => {
        const name = element.getAttribute("data-chart") ?? describe(element);
        const svgs = [...element.querySelectorAll("svg")].filter(rendered);
        const area = (svg: Element) => {
          const box = svg.getBoundingClientRect();
          return box.width * box.height;
        };
        const svg = element.querySelector("svg[role=img]") ??
          svgs.sort((a, b) => area(b) - area(a))[0];
        const box = element.getBoundingClientRect();
        const container = contentBox(element.parentElement ?? document.body);
        const width = svg ? svg.getBoundingClientRect().width : box.width;
        const problems: string[] = [];
        if (!svg) problems.push("has no svg");
        if (box.right > container.right + 1 || box.left < container.left - 1) {
          problems.push(
            `spills out of its container (${Math.round(box.left)}–${Math.round(box.right)} px ` +
              `in ${Math.round(container.left)}–${Math.round(container.right)} px)`,
          );
        }
        if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) {
          problems.push(
            `content ${element.scrollWidth} px wide in a ${element.clientWidth} px box`,
          );
        }
        if (svg) {
          const svgBox = svg.getBoundingClientRect();
          if (svgBox.right > box.right + 1 || svgBox.left < box.left - 1) {
            problems.push(`svg (${Math.round(svgBox.width)} px) is wider than its figure`);
          }
        }
        const lowerBound = innerWidth < stackedBelow
          ? Math.max(minChartWidth, stackedShare * container.width)
          : minChartWidth;
        if (width < lowerBound - 0.5) {
          problems.push(
            `${Math.round(width)} px wide, below ${Math.round(lowerBound)} px` +
              (innerWidth < stackedBelow
                ? ` (${stackedShare * 100} % of its ${Math.round(container.width)} px container)`
                : ""),
          );
        }
        return {
          chart: name,
          width: Math.round(width),
          containerWidth: Math.round(container.width),
          problems,
        };
      });

      const cutMath = [...document.querySelectorAll(".math-block")].filter(rendered).flatMap(
        (element) => {
          const box = element.getBoundingClientRect();
          const cut = element.scrollWidth > element.clientWidth + 1 ||
            box.right > viewportWidth + 0.5;
          return cut
            ? [{
              element: describe(element),
              text: (element.querySelector("annotation")?.textContent ?? element.textContent ?? "")
                .trim().slice(0, 60),
              scrollWidth: element.scrollWidth,
              clientWidth: element.clientWidth,
            }]
            : [];
        },
      );
      return { viewportWidth, scrollWidth: root.scrollWidth, overflowers, charts, cutMath };
    },
    { stackedBelow, minChartWidth, stackedShare },
  );
}
