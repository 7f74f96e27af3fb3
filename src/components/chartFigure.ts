/**
 * The one pattern every chart on the site follows: a figure with a visible title, a one-sentence
 * description, the chart as a named image, and a disclosure that holds the plotted numbers as a
 * table with a CSV download. Screen readers get the sentence and the table; everyone gets the CSV.
 */
import { csvText, type TableColumn } from "./csv.js";
import { valueTable } from "./valueTable.js";
import {
  embedIfNamed,
  embedTarget,
  figureId,
  linkControl,
  printLine,
  scrollWhenLinked,
} from "./figureLink.js";

export type { TableColumn };

export interface ChartFigureSpec<Row> {
  /**
   * Stable name: the figure's data-chart, the CSV file name and its id (`chart-<name>`, the same
   * after every redraw, so a link can name it).
   */
  name: string;
  title: string;
  /** One sentence that says what the chart shows, for readers who cannot see it. */
  description: string;
  /** What Plot returned (an svg, or a figure holding a legend and an svg), or several of them. */
  chart: Element | Element[];
  columns: TableColumn<Row>[];
  rows: readonly Row[];
  /** Drawn from live computation (the harness and the bench time these apart). */
  live?: boolean;
}

let drawn = false;
let chartDrawn: () => void;
/** Resolves once the first chart of the page is in the document and painted. */
export const firstChartDrawn = new Promise<void>((resolve) => (chartDrawn = resolve));

/**
 * Whether this page draws charts: every chart is drawn with Plot, and Framework preloads Plot
 * (`<link rel="modulepreload">` in the head, there before any module runs) on exactly the pages
 * that import it. The embed view (`?embed=<id>`) shows one element and hides the rest of the
 * page, where a hidden chart (zero width) is never drawn: it waits for no chart either, since
 * the element it shows may be an exercise card or another figure.
 */
function pageDrawsCharts(): boolean {
  const plot = 'link[rel="modulepreload"][href*="/@observablehq/plot@"]';
  if (globalThis.document?.querySelector(plot) == null) return false;
  return embedTarget() === undefined;
}

/**
 * Resolves when a cell of the page fails (Framework shows its error in place) before `until`; the
 * watch ends at `until`.
 */
function cellFailedBefore(until: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const failed = () => document.querySelector(".observablehq--error") !== null;
    if (failed()) return resolve();
    const observer = new MutationObserver(() => {
      if (!failed()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body ?? document.documentElement, {
      childList: true,
      subtree: true,
    });
    until.then(() => observer.disconnect());
  });
}

/**
 * What loads "after the first chart" waits for this (KaTeX in math.ts, the live worker and its tfjs
 * in liveWorker.ts): the first chart drawn; at once on a page that draws none; or, should a cell fail
 * before any chart is drawn (the chart may be the one that failed), then. No timer: a slow first
 * chart (a loaded machine, a slow phone) is still the first thing to arrive. (A rule "once the
 * page has gone quiet" was tried: a page waiting for its data file is quiet too, and tfjs and
 * KaTeX then came before the chart.)
 */
export const afterFirstChart: Promise<void> = pageDrawsCharts()
  ? Promise.race([firstChartDrawn, cellFailedBefore(firstChartDrawn)])
  : Promise.resolve();

function watchFirstChart(figure: HTMLElement): void {
  let frames = 0;
  const check = () => {
    if (drawn) return;
    if (figure.isConnected) {
      drawn = true;
      requestAnimationFrame(() => chartDrawn());
    } else if (++frames < 120) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/**
 * The page's first chart as drawn at build time (src/tasks/prerender.ts), by name: in the HTML
 * before any module runs. Framework removes it when the chart's cell first displays; it goes as
 * soon as the live figure of that name is built, so that it can never come back (Framework shows a
 * cell's loading element again when the cell recovers from an error) with other settings than the
 * page's.
 */
const prerendered = new Map(
  [...(globalThis.document?.querySelectorAll<HTMLElement>("[data-prerender]") ?? [])].map(
    (element) => [element.dataset.prerender!, element],
  ),
);

// The reader's choice to open a table survives the redraws of a live chart.
const openTables = new Set<string>();

/**
 * Plot labels its mark groups with aria attributes that are not allowed on an svg `g` without a
 * role; the svg as a whole is the image, so its parts are left unnamed.
 */
function asNamedImage(svg: SVGSVGElement, titleId: string, descriptionId: string): void {
  for (const part of svg.querySelectorAll("[aria-label],[aria-description],[aria-hidden]")) {
    part.removeAttribute("aria-label");
    part.removeAttribute("aria-description");
    part.removeAttribute("aria-hidden");
  }
  svg.removeAttribute("aria-label");
  svg.removeAttribute("aria-description");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", titleId);
  svg.setAttribute("aria-describedby", descriptionId);
}

export function chartFigure<Row>(spec: ChartFigureSpec<Row>): HTMLElement {
  const picture = prerendered.get(spec.name);
  if (picture) {
    // Emptied, it is Framework's plain loading indicator again.
    picture.replaceChildren();
    picture.removeAttribute("data-prerender");
    picture.removeAttribute("inert");
    prerendered.delete(spec.name);
  }
  const id = figureId(spec.name);
  const figure = document.createElement("figure");
  figure.id = id;
  figure.className = "chart";
  figure.dataset.chart = spec.name;
  if (spec.live) figure.dataset.live = "";

  const title = document.createElement("figcaption");
  title.className = "chart-title";
  title.id = `${id}-title`;
  title.textContent = spec.title;
  const description = document.createElement("p");
  description.className = "chart-description";
  description.id = `${id}-description`;
  description.textContent = spec.description;
  figure.append(title, printLine(id), description);

  for (const part of Array.isArray(spec.chart) ? spec.chart : [spec.chart]) {
    const svgs = part instanceof SVGSVGElement ? [part] : [...part.querySelectorAll("svg")];
    // Legend swatches are small svgs too; only the plot itself is the image.
    for (const svg of svgs) {
      if (svg.closest("[class$='-swatches'], [class*='-swatches ']")) {
        svg.setAttribute("aria-hidden", "true");
      } else asNamedImage(svg, title.id, description.id);
    }
    figure.append(part);
  }

  const details = document.createElement("details");
  details.className = "chart-data";
  const summary = document.createElement("summary");
  summary.textContent = `Data table (${spec.rows.length} rows)`;
  const download = document.createElement("a");
  download.download = `${spec.name}.csv`;
  download.href = `data:text/csv;charset=utf-8,${
    encodeURIComponent(csvText(spec.columns, spec.rows))
  }`;
  download.textContent = `Download ${spec.name}.csv`;
  details.append(summary, download);
  // Tables are built when opened: a live chart redraws many times and most readers never look.
  const fill = () => {
    if (details.open && !details.querySelector("table")) {
      const scroller = document.createElement("div");
      scroller.className = "chart-table";
      // A scrolling box must be reachable and named for keyboard users.
      scroller.tabIndex = 0;
      scroller.setAttribute("role", "region");
      scroller.setAttribute("aria-label", `${spec.title}: data table`);
      scroller.append(valueTable(spec.columns, spec.rows, { rowHeaders: false, className: "" }));
      details.append(scroller);
    }
    if (details.open) openTables.add(spec.name);
    else openTables.delete(spec.name);
  };
  details.addEventListener("toggle", fill);
  if (openTables.has(spec.name)) {
    details.open = true;
    fill();
  }
  figure.append(linkControl(id, title.id), details);
  embedIfNamed(figure, spec.name);
  scrollWhenLinked(figure);
  watchFirstChart(figure);
  return figure;
}

/** A row of a chart with several series against the step. */
export interface SeriesStepRow {
  series: string;
  step: number;
}

/**
 * A chart of several series against the step: its table lists series and step first, then
 * `valueColumns`. `live` marks a chart drawn from a live (tfjs) computation.
 */
export function seriesStepFigure<Row extends SeriesStepRow>(
  labels: Pick<ChartFigureSpec<Row>, "name" | "title" | "description">,
  chart: Element | Element[],
  rows: readonly Row[],
  valueColumns: TableColumn<Row>[],
  live = false,
): HTMLElement {
  return chartFigure({
    ...labels,
    chart,
    live,
    columns: [
      { label: "series", format: (d) => d.series },
      { label: "step", format: (d) => String(d.step) },
      ...valueColumns,
    ],
    rows,
  });
}
