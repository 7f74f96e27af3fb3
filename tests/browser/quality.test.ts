/**
 * The checks every page shares, driven by the page list: site quality (issue 7, "Done means"
 * 1–5), the charts each page draws, its drawn text, its refused link values and its tensor count
 * after 200 control moves, in real headless Chromium against the built site. Each page is loaded
 * once (light), waited on until every live section says it is done, then resized through the
 * widths below and measured at each in light and in dark (page.emulateMedia); everything
 * measured on the way is asserted by the tests that follow, which then act on the light page.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  browserFixture,
  browserTest,
  type ColorScheme,
  type ConsoleEntry,
  distDir,
  isAllowedConsoleEntry,
  noWebgpuAdapterWarning,
  openPage,
  settle,
  settleQuiet,
  sitePaths,
  waitForDrawn,
  waitForHook,
  type Watched,
} from "./harness.ts";
import { numTensors, setControl } from "./controls.ts";
import { pageChecks } from "./pageData.ts";
import { drawnText, textProblems } from "./pageText.ts";
import { PAGES, type RefusedLink } from "../../src/site.ts";
import { type AxeFinding, formatFinding, runAxe } from "./axe.ts";
import { type LayoutReport, measureLayout, minChartWidth } from "./layout.ts";
import { chartProblems } from "./chartChecks.ts";
import {
  dragSlider,
  firstTabStop,
  lowContrastHeaders,
  readSliders,
  sliderAnnouncementProblem,
  unnamedControls,
  zoomBlocker,
} from "./a11yChecks.ts";
import {
  actAndRedraw,
  controlValues,
  copiedTexts,
  markStatusNodes,
  nudgeFirstSlider,
  readStatusNodes,
  stubClipboard,
} from "./pageControls.ts";
import { refusedLinkValues } from "./linkValues.ts";

const schemes: ColorScheme[] = ["light", "dark"];
/** Control moves of the tensor-leak check: each restarts a live run. */
const leakMoveCount = 200;
const widths = [320, 375, 768, 1024, 1280, 1920];
const axeWidths = [1280, 375];
const screenshotWidths = [1280, 375];
const viewportHeight = 800;
const outputDir = "tests/output";

const builtHtml = (path: string) =>
  Deno.readTextFileSync(`${distDir}${path === "/" ? "/index" : path}.html`);
/** Pages whose built cells take Framework's `view` (a control that is an input of the page). */
const pagesWithControls = sitePaths.filter((path) => /"view"/.test(builtHtml(path)));
const fileName = (path: string) => path === "/" ? "index" : path.split("/").at(-1)!;

interface SchemePass {
  scheme: ColorScheme;
  watched: Watched;
  title: string;
  /** Why the page did not finish drawing, when it did not. */
  drawError: string | null;
  /** Control values right after load without a query string: the defaults. */
  defaults: Record<string, string>;
  layouts: Map<number, LayoutReport>;
  axe: Map<number, AxeFinding[]>;
  /** Console entries up to the end of the width pass. */
  consoleEntries: ConsoleEntry[];
  /** Charts of the page's `checks` that were not drawn once the page was done. */
  missingCharts: string[];
  /** What pageText's rules find in the drawn text at 1280 px, once the page was done. */
  textProblems: string[];
}

const browser = browserFixture();
const session = () => browser.session();
const slugOf = (path: string) => path.split("/").at(-1)!;
const passes = new Map<string, Promise<Record<ColorScheme, SchemePass>>>();

/**
 * Switches the drawn page's `prefers-color-scheme`. The scheme is CSS only on this site
 * (src/style.css picks the theme with a media query, and no page script reads the scheme), so the
 * switched page shows what a page loaded in that scheme shows, without a second load and a second
 * run of every live section. Two animation frames let the new styles apply.
 */
async function showScheme(page: Page, scheme: ColorScheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await settle(page, 0);
}

/**
 * Loads `path` once (light), waits until every live section is done, then goes through the
 * widths: at each, after the resize's redraw, it measures the page in light and then in dark.
 * Console entries that come while the page shows dark count for dark, all others for light.
 */
async function loadPass(path: string): Promise<Record<ColorScheme, SchemePass>> {
  const watched = await openPage(await session(), path, {
    colorScheme: "light",
    viewport: { width: 1280, height: viewportHeight },
  });
  const { page } = watched;
  let drawError: string | null = null;
  const drawn = async (timeout: number) => {
    try {
      await waitForDrawn(page, { timeout });
    } catch (error) {
      drawError ??= `${watched.console.phase}: ${(error as Error).message.split("\n")[0]}`;
    }
  };
  await drawn(120_000);
  const title = await page.title();
  const defaults = await controlValues(page);
  const schemePass = (scheme: ColorScheme): SchemePass => ({
    scheme,
    watched,
    title,
    drawError,
    defaults,
    layouts: new Map(),
    axe: new Map(),
    consoleEntries: [],
    missingCharts: [],
    textProblems: [],
  });
  const pass = { light: schemePass("light"), dark: schemePass("dark") };
  const inScheme = (scheme: ColorScheme, phase: string) => {
    watched.console.phase = scheme === "dark" ? `${phase}, dark` : phase;
    return showScheme(page, scheme);
  };
  for (const scheme of schemes) {
    await inScheme(scheme, "load");
    for (const chart of pageChecks[slugOf(path)]?.charts ?? []) {
      const drawn = await page.locator(`[data-chart="${chart}"]`).count();
      if (drawn === 0) pass[scheme].missingCharts.push(chart);
    }
  }
  await inScheme("light", "load");
  pass.light.textProblems = textProblems(await drawnText(page)).map((problem) =>
    `${problem.rule}: "${problem.text}" in "…${problem.context}…"`
  );
  await Deno.mkdir(outputDir, { recursive: true });
  for (const width of widths) {
    watched.console.phase = `width ${width}`;
    await page.setViewportSize({ width, height: viewportHeight });
    await settleQuiet(page);
    // A redraw started by the resize must finish; a page that never finished gets no more waiting.
    await drawn(drawError ? 1_000 : 60_000);
    for (const scheme of schemes) {
      await inScheme(scheme, `width ${width}`);
      pass[scheme].layouts.set(width, await measureLayout(page));
      if (screenshotWidths.includes(width)) {
        await page.screenshot({
          path: `${outputDir}/${fileName(path)}-${width}-${scheme}.png`,
          fullPage: true,
        });
      }
      if (axeWidths.includes(width)) pass[scheme].axe.set(width, await runAxe(page));
    }
    await inScheme("light", `width ${width}`);
  }
  for (const scheme of schemes) {
    pass[scheme].drawError = drawError;
    pass[scheme].consoleEntries = watched.console.entries.filter((entry) =>
      entry.phase.endsWith(", dark") === (scheme === "dark")
    );
  }
  watched.console.phase = "after the width pass (1280 px)";
  await page.setViewportSize({ width: 1280, height: viewportHeight });
  await settle(page);
  return pass;
}

/** Starts the pass of `path`; a pass nobody awaits any more (the file has ended) may fail quietly. */
function startPass(path: string): Promise<Record<ColorScheme, SchemePass>> {
  const pass = loadPass(path);
  pass.catch(() => {});
  passes.set(path, pass);
  return pass;
}

/**
 * Both schemes of `path`, from one load. Once it has been measured, the next page of the list
 * starts loading and going through its widths while this page's own tests act on it; tabs of
 * every other page are closed.
 */
function pagePass(path: string): Promise<Record<ColorScheme, SchemePass>> {
  const next = sitePaths[sitePaths.indexOf(path) + 1];
  for (const [old, pass] of passes) {
    if (old === path || old === next) continue;
    passes.delete(old);
    pass.then((done) => done.light.watched.page.close()).catch(() => {});
  }
  // A test of a page whose tab was closed (tests in another order) loads it again.
  const pass = passes.get(path) ?? startPass(path);
  if (next) {
    pass.catch(() => {}).then(() => {
      if (passes.has(path) && !passes.has(next)) startPass(next);
    });
  }
  return pass;
}

const bothSchemes = async (path: string) => Object.values(await pagePass(path));
const lightPage = async (path: string): Promise<Page> => (await pagePass(path)).light.watched.page;

/**
 * Labels the light page's console from now on with `phase`; the returned function lists the
 * unexpected messages that came since, for tests that move controls after the width pass.
 */
async function consoleDuring(path: string, phase: string): Promise<() => string[]> {
  const log = (await pagePass(path)).light.watched.console;
  log.phase = phase;
  const start = log.entries.length;
  return () =>
    log.entries.slice(start).filter((entry) => !isAllowedConsoleEntry(entry)).map((entry) =>
      `console ${entry.type} while ${entry.phase}: ${entry.text}`
    );
}

/** Asserts that `lines` is empty, printing every line (the page author's work list). */
function assertNone(lines: string[], what: string): void {
  assert.ok(lines.length === 0, `${what}:\n  ${lines.join("\n  ")}`);
}

/**
 * The manifest's refused values of one page, as links: the first value of each parameter in the
 * first, a parameter's second value in the second, and so on.
 */
function refusedLinkLoads(refused: readonly RefusedLink[]): RefusedLink[][] {
  const loads: RefusedLink[][] = [];
  for (const link of refused) {
    const load = loads.find((links) => !links.some(({ param }) => param === link.param));
    if (load) load.push(link);
    else loads.push([link]);
  }
  return loads;
}

/** A control's number as shown: "0.5", or an option such as "10⁻³ (tfjs's default)". */
function shownNumber(shown: string): number {
  const power = /^10([⁻]?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/.exec(shown);
  if (!power) return Number(shown);
  const exponent = Number([...power[2]].map((digit) => "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(digit)).join(""));
  return 10 ** (power[1] ? -exponent : exponent);
}

/** What is wrong with how `path?query` refuses the link values `refused`. */
async function refusedLinkProblems(
  path: string,
  query: string,
  refused: readonly RefusedLink[],
): Promise<string[]> {
  const { page, console: log } = await openPage(await session(), `${path}?${query}`, {
    viewport: { width: 1280, height: viewportHeight },
  });
  const problems: string[] = [];
  try {
    await waitForDrawn(page).catch((error) =>
      problems.push(`did not draw on its defaults: ${(error as Error).message.split("\n")[0]}`)
    );
    // Without live sections the page is "drawn" at load, before its cells may have run.
    await page.locator('.notice[data-for="link"]').first()
      .waitFor({ state: "visible", timeout: 5_000 }).catch(() => {});
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: viewportHeight });
      await settle(page);
      const found = await page.evaluate((refused) => {
        scrollTo(0, 0);
        const visible = (element: Element) => element.getClientRects().length > 0;
        const flat = (element: Element) => (element.textContent ?? "").replace(/\s+/g, " ");
        const top = [...document.querySelectorAll('.notice[data-for="link"]')].filter(visible);
        const forms = [...document.querySelectorAll("main form")].filter(visible);
        const gapToForms = (element: Element) => {
          const box = element.getBoundingClientRect();
          return Math.min(...forms.map((form) => {
            const f = form.getBoundingClientRect();
            return Math.max(0, f.top - box.bottom, box.top - f.bottom);
          }));
        };
        return refused.map(({ param, value, label, says }) => {
          const text = `${param}=${value}`;
          const atTop = top.filter((notice) => flat(notice).includes(text));
          const box = atTop[0]?.getBoundingClientRect();
          const near = [...document.querySelectorAll(".notice")]
            .filter((notice) => visible(notice) && !top.includes(notice))
            .filter((notice) => flat(notice).includes(text))
            .map(gapToForms);
          const form = [...document.querySelectorAll("main form")].find((f) =>
            f.querySelector("label")?.textContent?.trim() === label
          );
          return {
            text,
            atTop: atTop.length > 0,
            saysWhy: atTop.some((notice) => flat(notice).includes(`${text}, but ${says}`)),
            message: `${text}, but ${says}`,
            inFirstViewport: Boolean(box && box.top >= 0 && box.top < innerHeight),
            top: box ? Math.round(box.top) : null,
            nearestGap: near.length ? Math.round(Math.min(...near)) : null,
            shown: form?.querySelector<HTMLInputElement>("input[type=number]")?.value ?? null,
            value,
          };
        });
      }, refused);
      for (const [i, f] of found.entries()) {
        if (!f.atTop) {
          problems.push(`${width} px: no visible .notice[data-for=link] names ${f.text}`);
        } else if (!f.inFirstViewport) {
          problems.push(
            `${width} px: the notice for ${f.text} starts at ${f.top} px, below the first viewport`,
          );
        }
        if (f.atTop && !f.saysWhy) problems.push(`the notice does not say "${f.message}"`);
        if (refused[i].beside === false) {
          // The manifest says this control has no notice of its own.
        } else if (f.nearestGap === null) {
          problems.push(`${width} px: no notice next to the controls names ${f.text}`);
        } else if (f.nearestGap > 200) {
          problems.push(
            `${width} px: the notice naming ${f.text} is ${f.nearestGap} px from the controls`,
          );
        }
        if (f.shown !== null && Number(f.shown) === Number(f.value)) {
          problems.push(`${width} px: the control still shows the refused value ${f.value}`);
        }
      }
    }
    // Each refused value falls back to the default its notice names ("…; using 0.5").
    const shown = await controlValues(page);
    for (const { label, says } of refused) {
      const using = /; using (.+)$/.exec(says)?.[1] ?? "";
      const value = shown[label];
      if (value === undefined || !/^[-\w.]+$/.test(using)) continue;
      const same = Number.isFinite(Number(using))
        ? shownNumber(value) === Number(using)
        : value.toLowerCase() === using.toLowerCase();
      if (!same) problems.push(`"${label}" shows ${value}, not the default ${using}`);
    }
    // Outside the notices (which quote the link, NaN included) no number may read NaN.
    const nan = await page.evaluate(() => {
      const main = document.querySelector("main")!.cloneNode(true) as HTMLElement;
      main.querySelectorAll(".notice, annotation, script, style").forEach((n) => n.remove());
      return (main.textContent ?? "").replace(/\s+/g, " ").match(/.{0,40}NaN.{0,40}/g) ?? [];
    });
    problems.push(...nan.map((text) => `shows NaN: "${text}"`));
    problems.push(...log.unexpected().map((entry) => `console ${entry.type}: ${entry.text}`));
  } finally {
    await page.close();
  }
  return problems;
}

for (const path of sitePaths) {
  Deno.test({
    name: `${path} [light, dark]: finishes drawing, is titled "DNN Explorables" and ` +
      `requests nothing from another origin`,
    ...browserTest,
    async fn() {
      const problems = (await bothSchemes(path)).flatMap((pass) => [
        ...(pass.drawError ? [`${pass.scheme}: did not finish drawing: ${pass.drawError}`] : []),
        ...(pass.title.includes("DNN Explorables")
          ? []
          : [`${pass.scheme}: title "${pass.title}"`]),
      ]);
      // One load serves both schemes: its requests are listed once.
      const { light } = await pagePass(path);
      problems.push(...light.watched.foreignRequests.map((url) => `requested ${url}`));
      assertNone(problems, `${path}`);
    },
  });

  Deno.test({
    name: `${path} [light, dark]: draws every chart its tests/browser/pages/${
      slugOf(path)
    }.ts names`,
    ...browserTest,
    async fn() {
      const problems = (await bothSchemes(path)).flatMap((pass) =>
        pass.missingCharts.map((chart) => `${pass.scheme}: chart ${chart} is missing`)
      );
      assertNone(problems, `charts on ${path}`);
    },
  });

  Deno.test({
    name: `${path}: the drawn text has no raw float, exponent notation, NaN, Infinity or undefined`,
    ...browserTest,
    async fn() {
      const { light } = await pagePass(path);
      // A page that does not finish is the first test's failure; its text is still read.
      const when = light.drawError ? ` (read before it finished drawing: ${light.drawError})` : "";
      assertNone(light.textProblems, `${path} shows${when}`);
    },
  });

  Deno.test({
    name: `${path} [light, dark] at ${widths.join(", ")} px: no console error or warning ` +
      `(the one allowed: Chromium's "${noWebgpuAdapterWarning}" without WebGPU)`,
    ...browserTest,
    async fn() {
      const problems = (await bothSchemes(path)).flatMap((pass) =>
        pass.consoleEntries
          .filter((entry) => !isAllowedConsoleEntry(entry))
          .map((entry) => `${pass.scheme}, ${entry.phase}: ${entry.type}: ${entry.text}`)
      );
      assertNone(problems, `console messages on ${path}`);
    },
  });

  Deno.test({
    name: `${path} [light, dark] at ${widths.join(", ")} px: no sideways scroll`,
    ...browserTest,
    async fn() {
      const problems = (await bothSchemes(path)).flatMap((pass) =>
        [...pass.layouts].filter(([, layout]) => layout.scrollWidth > layout.viewportWidth).map(
          ([width, layout]) =>
            `${pass.scheme}, ${width} px: document ${layout.scrollWidth} px wide in ` +
            `${layout.viewportWidth} px; widest: ${
              layout.overflowers.map((o) => `${o.element} (right edge ${o.right})`).join(", ")
            }`,
        )
      );
      assertNone(problems, `${path} scrolls sideways`);
    },
  });

  Deno.test({
    name: `${path} [light, dark] at ${widths.join(", ")} px: every chart fits its container, ` +
      `is at least ${minChartWidth} px wide and spans its container when stacked`,
    ...browserTest,
    async fn() {
      const problems = (await bothSchemes(path)).flatMap((pass) =>
        [...pass.layouts].flatMap(([width, layout]) =>
          layout.charts.flatMap((chart) =>
            chart.problems.map((problem) =>
              `${pass.scheme}, ${width} px, ${chart.chart}: ${problem}`
            )
          )
        )
      );
      assertNone(problems, `charts on ${path}`);
    },
  });

  Deno.test({
    name: `${path} [light, dark] at ${widths.join(", ")} px: display math fits its box ` +
      `(wraps or scales, never cut or scrolled)`,
    ...browserTest,
    async fn() {
      const problems = (await bothSchemes(path)).flatMap((pass) =>
        [...pass.layouts].flatMap(([width, layout]) =>
          layout.cutMath.map((math) =>
            `${pass.scheme}, ${width} px: ${math.element} "${math.text}" is ${math.scrollWidth} px ` +
            `in ${math.clientWidth} px`
          )
        )
      );
      assertNone(problems, `display math on ${path}`);
    },
  });

  Deno.test({
    name: `${path} [light, dark] at ${axeWidths.join(", ")} px: axe-core finds no serious or ` +
      `critical violation`,
    ...browserTest,
    async fn() {
      const problems = (await bothSchemes(path)).flatMap((pass) =>
        [...pass.axe].flatMap(([width, findings]) =>
          findings.map((finding) => `${pass.scheme}, ${width} px: ${formatFinding(finding)}`)
        )
      );
      assertNone(problems, `axe on ${path}`);
    },
  });

  Deno.test({
    name: `${path} [dark]: every table header cell has text contrast of at least 4.5:1`,
    ...browserTest,
    async fn() {
      const page = await lightPage(path);
      await showScheme(page, "dark");
      const cells = await lowContrastHeaders(page, 4.5).finally(() => showScheme(page, "light"));
      assertNone(
        cells.map((c) => `${c.cell}: ${c.ratio}:1 (${c.color} on ${c.background})`),
        `low-contrast table headers on ${path} in dark`,
      );
    },
  });

  Deno.test({
    name: `${path}: every chart is a figure.chart with a name, a description, a data table ` +
      `and a CSV of the same rows`,
    ...browserTest,
    async fn() {
      assertNone(await chartProblems(await lightPage(path)), `charts on ${path}`);
    },
  });

  Deno.test({
    name:
      `${path}: every control has an accessible name, and log sliders announce the number shown`,
    ...browserTest,
    async fn() {
      const page = await lightPage(path);
      const consoleSince = await consoleDuring(path, "moving log sliders");
      const problems = (await unnamedControls(page)).map((control) => `unnamed: ${control}`);
      const sliders = await readSliders(page);
      for (const slider of sliders) {
        const problem = sliderAnnouncementProblem(slider);
        if (problem) problems.push(problem);
      }
      // Moving a log slider must update what it announces, not only the number box.
      for (const slider of sliders.filter((s) => s.log)) {
        await actAndRedraw(page, () => dragSlider(page, slider.label, 0.2));
        const moved = (await readSliders(page)).find((s) => s.label === slider.label)!;
        const problem = sliderAnnouncementProblem(moved);
        if (problem) problems.push(`after a move: ${problem}`);
      }
      assertNone([...problems, ...consoleSince()], `controls on ${path}`);
    },
  });

  Deno.test({
    name: `${path}: the first Tab stop is a.skip-link to the main content, and pinch-zoom works`,
    ...browserTest,
    async fn() {
      const page = await lightPage(path);
      const stop = await firstTabStop(page);
      const problems: string[] = [];
      if (!stop.isSkipLink) problems.push(`first Tab stop is ${stop.element}, not a.skip-link`);
      else {
        if (!stop.targetsMain) problems.push(`skip link href="${stop.href}" does not lead to main`);
        if (!stop.visibleWhenFocused) problems.push("skip link is not visible when focused");
      }
      const zoom = await zoomBlocker(page);
      if (zoom) problems.push(`meta viewport "${zoom}" stops pinch-zoom`);
      assertNone(problems, `keyboard and zoom on ${path}`);
    },
  });

  Deno.test({
    name: `${path}: each live section has a progress bar, a Stop button and one role=status ` +
      `node, the same one after a control move`,
    ...browserTest,
    async fn() {
      const page = await lightPage(path);
      const consoleSince = await consoleDuring(path, "moving the first slider");
      const problems: string[] = [];
      const before = await readStatusNodes(page);
      const usesTf = await page.evaluate(() =>
        Boolean(
          (globalThis as unknown as { __explorables?: { backend?: string } }).__explorables
            ?.backend,
        ) || document.querySelector(".backend-badge") !== null
      );
      if (usesTf && before.length === 0) {
        problems.push("the page runs live work but has no [data-live-section]");
      }
      for (const section of before) {
        if (section.statusNodes !== 1) {
          problems.push(`section ${section.section}: ${section.statusNodes} role=status nodes`);
        }
        if (!section.hasProgress) problems.push(`section ${section.section}: no progress bar`);
        if (!section.hasStop) {
          problems.push(`section ${section.section}: no button[data-action="stop"]`);
        }
      }
      if (before.length && pagesWithControls.includes(path)) {
        await markStatusNodes(page);
        let moved = "";
        const states = await actAndRedraw(page, async () => {
          moved = await nudgeFirstSlider(page);
        });
        // Without a new run the identity check below would prove nothing.
        if (!states.some((state) => state !== "done")) {
          problems.push(`moving ${moved} started no live run (data-state stayed "done")`);
        }
        for (const section of await readStatusNodes(page)) {
          if (section.statusNodes !== 1) {
            problems.push(
              `after moving ${moved}, section ${section.section}: ${section.statusNodes} ` +
                `role=status nodes`,
            );
          } else if (!section.sameNode) {
            problems.push(
              `after moving ${moved}, section ${section.section}: status node replaced`,
            );
          }
        }
      }
      assertNone([...problems, ...consoleSince()], `live status on ${path}`);
    },
  });

  if (!pagesWithControls.includes(path)) continue;

  Deno.test({
    name: `${path}: Copy link copies location.href, and Reset restores the defaults and ` +
      `removes the query string`,
    ...browserTest,
    async fn() {
      const { light } = await pagePass(path);
      const page = light.watched.page;
      const consoleSince = await consoleDuring(path, "using Copy link and Reset");
      const problems: string[] = [];
      const reset = page.locator('button[data-action="reset"]');
      const copy = page.locator('button[data-action="copy-link"]');
      if (await copy.count() !== 1) problems.push(`${await copy.count()} copy-link buttons`);
      if (await reset.count() !== 1) problems.push(`${await reset.count()} reset buttons`);
      assertNone(problems, `buttons on ${path}`);

      await actAndRedraw(page, async () => {
        await nudgeFirstSlider(page);
      });
      assert.notDeepEqual(await controlValues(page), light.defaults, "the slider did not move");
      await stubClipboard(page);
      await copy.click();
      await page.waitForFunction(
        () => (globalThis as unknown as { __qualityCopied: string[] }).__qualityCopied.length,
        undefined,
        { timeout: 5_000 },
      ).catch(() => problems.push("Copy link wrote nothing to the clipboard"));
      const href = await page.evaluate(() => location.href);
      const copied = await copiedTexts(page);
      if (copied.length && copied.at(-1) !== href) {
        problems.push(`Copy link copied ${copied.at(-1)}, the page is at ${href}`);
      }
      await actAndRedraw(page, () => reset.click());
      const after = await controlValues(page);
      for (const [label, value] of Object.entries(light.defaults)) {
        if (after[label] !== value) {
          problems.push(`after Reset, "${label}" shows ${after[label]}, default ${value}`);
        }
      }
      const search = await page.evaluate(() => location.search);
      if (search !== "") problems.push(`after Reset the URL still has "${search}"`);
      assertNone([...problems, ...consoleSince()], `Reset and Copy link on ${path}`);
    },
  });

  const leak = pageChecks[slugOf(path)]?.leak;
  if (leak) {
    Deno.test({
      name: `${path}: the tensor count returns to its baseline after ` +
        `${leakMoveCount} control moves (${leak.moves.map(([label]) => label).join(", ")})`,
      ...browserTest,
      async fn() {
        const page = await lightPage(path);
        const consoleSince = await consoleDuring(path, `${leakMoveCount} control moves`);
        for (const [label, value] of leak.setup) await setControl(page, label, value);
        for (const { hook, want, match } of leak.ready) await waitForHook(page, hook, want, match);
        await waitForDrawn(page, { acceptErrors: true });
        await settle(page);
        const baseline = await numTensors(page);
        for (let i = 0; i < leakMoveCount; i++) {
          const [label, value] = leak.moves[i % leak.moves.length];
          await setControl(page, label, value(i));
        }
        for (const [label, value] of leak.final) await setControl(page, label, value);
        for (const { hook, want, match } of leak.done) await waitForHook(page, hook, want, match);
        // A small run may end in a message for the reader (dropout-digits' 20 digits per class can
        // diverge); what counts here is that it ended and freed its tensors.
        await waitForDrawn(page, { acceptErrors: true });
        await settle(page);
        assert.equal(await numTensors(page), baseline, `tensors on ${path}`);
        assertNone(consoleSince(), `console during control moves on ${path}`);
      },
    });
  }

  for (const [load, refused] of refusedLinkLoads(refusedLinkValues[path] ?? []).entries()) {
    const shortRun = pageChecks[slugOf(path)]?.shortRun;
    const query = [
      ...refused.map(({ param, value }) => `${param}=${value}`),
      ...(shortRun ? [shortRun] : []),
    ].join("&");
    Deno.test({
      name: `${path}?<out-of-range values>${load ? ` (link ${load + 1})` : ""}: each link value ` +
        `is refused with a notice at the top of the page (in the first viewport at 1280 and ` +
        `375 px) that says why and what it uses instead, and one next to its control; the control ` +
        `shows the value used, and the page draws and shows no NaN`,
      ...browserTest,
      async fn() {
        assert.ok(refused.length, `add out-of-range link values for ${path} to refusedLinks`);
        const problems = await refusedLinkProblems(path, query, refused);
        assertNone([...new Set(problems)], `refused link values on ${path}?${query}`);
      },
    });
  }
}

Deno.test("tests/browser/pages/ gives checks for every built page of the manifest, and nothing else", () => {
  const built = PAGES.filter((page) => page.status === "built").map((page) => page.slug);
  assert.deepEqual(Object.keys(pageChecks).sort(), built.sort());
});
