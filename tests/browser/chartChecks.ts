/**
 * The chart contract (src/components/chartFigure.ts) checked in the page: every chart is a
 * `figure.chart` whose svg has a name and a description, with a data table and a CSV of the same
 * rows in a `details.chart-data`.
 */
import type { CDPSession, Page } from "playwright-core";

/** Name and description of the accessibility node of `expression`'s element, as Chromium computes them. */
export async function axNameOf(
  cdp: CDPSession,
  expression: string,
): Promise<{ ignored: boolean; name: string; description: string }> {
  const { result } = await cdp.send("Runtime.evaluate", { expression });
  if (!result.objectId) throw new Error(`${expression} is not an element`);
  const { nodes } = await cdp.send("Accessibility.getPartialAXTree", {
    objectId: result.objectId,
    fetchRelatives: false,
  });
  const node = nodes[0];
  return {
    ignored: Boolean(node?.ignored),
    name: String(node?.name?.value ?? "").trim(),
    description: String(node?.description?.value ?? "").trim(),
  };
}

interface FigureFacts {
  chart: string;
  problems: string[];
  csvHref: string | null;
  tableRows: number;
}

/** One line per breach of the chart contract; empty when every chart keeps it. */
export async function chartProblems(page: Page): Promise<string[]> {
  // A table may be built only when its disclosure opens (on its toggle event), so open them all.
  await page.evaluate(async () => {
    const closed = document.querySelectorAll<HTMLDetailsElement>("details.chart-data:not([open])");
    closed.forEach((details) => {
      details.open = true;
      details.dataset.qualityOpened = "";
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  const { strays, figures } = await page.evaluate(() => {
    const strays = [...document.querySelectorAll('svg[class^="plot"], [data-chart]')]
      .filter((element) => !element.closest("figure.chart"))
      .map((element) =>
        element.getAttribute("data-chart") ??
          `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`
      );
    const textOf = (ids: string | null): string | null => {
      if (!ids) return null;
      const parts = ids.split(/\s+/).filter(Boolean).map((id) => document.getElementById(id));
      if (parts.some((part) => !part)) return null;
      return parts.map((part) => part!.textContent ?? "").join(" ").trim();
    };
    const figures = [...document.querySelectorAll<HTMLElement>("figure.chart")].map(
      (figure, index) => {
        const chart = figure.dataset.chart ?? `figure.chart #${index + 1}`;
        const problems: string[] = [];
        const svg = figure.querySelector("svg[role=img]");
        if (!svg) problems.push("no svg with role=img");
        for (const attribute of ["aria-labelledby", "aria-describedby"]) {
          const ids = svg?.getAttribute(attribute) ?? null;
          if (svg && !ids) problems.push(`svg has no ${attribute}`);
          else if (svg && textOf(ids) === null) {
            problems.push(`${attribute}="${ids}" names a missing id`);
          } else if (svg && !textOf(ids)) {
            problems.push(`${attribute}="${ids}" resolves to empty text`);
          }
        }
        if (figure.hasAttribute("data-live") && !figure.closest("[data-live-section]")) {
          problems.push("data-live chart outside any [data-live-section]");
        }
        const details = figure.querySelector("details.chart-data");
        const table = details?.querySelector("table");
        const tableRows = table
          ? [...table.querySelectorAll("tr")].filter((row) => row.querySelector("td")).length
          : 0;
        if (!details) problems.push("no details.chart-data");
        else if (!table) problems.push("details.chart-data holds no table");
        else if (tableRows < 1) problems.push("its data table has no data row");
        const link = details?.querySelector<HTMLAnchorElement>('a[download$=".csv"]');
        if (details && !link) problems.push('no a[download$=".csv"] in details.chart-data');
        return { chart, problems, csvHref: link?.href ?? null, tableRows, index };
      },
    );
    return { strays, figures };
  });

  const problems = strays.map((name) => `${name}: a chart outside figure.chart (use chartFigure)`);
  const cdp = await page.context().newCDPSession(page);
  try {
    for (const figure of figures as (FigureFacts & { index: number })[]) {
      const svg = `document.querySelectorAll("figure.chart")[${figure.index}]` +
        `.querySelector("svg[role=img]")`;
      if (!figure.problems.some((problem) => problem.startsWith("no svg"))) {
        const ax = await axNameOf(cdp, svg);
        if (ax.ignored) figure.problems.push("svg is hidden from assistive technology");
        if (!ax.name) figure.problems.push("svg has an empty accessible name");
        if (!ax.description) figure.problems.push("svg has an empty accessible description");
      }
      if (figure.csvHref && figure.tableRows > 0) {
        const text = await page.evaluate(
          async (href) => await (await fetch(href)).text(),
          figure.csvHref,
        );
        const csvRows = csvRecords(text).length - 1;
        if (csvRows !== figure.tableRows) {
          figure.problems.push(`CSV has ${csvRows} data rows, the table ${figure.tableRows}`);
        }
      }
      problems.push(...figure.problems.map((problem) => `${figure.chart}: ${problem}`));
    }
  } finally {
    await cdp.detach();
    await page.evaluate(() =>
      document.querySelectorAll<HTMLDetailsElement>("details[data-quality-opened]").forEach(
        (details) => {
          details.open = false;
          delete details.dataset.qualityOpened;
        },
      )
    );
  }
  return problems;
}

/** Splits CSV text into records (RFC 4180 quoting); a trailing newline adds no record. */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') field += text[++i];
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records.filter((row) => row.some((cell) => cell !== ""));
}
