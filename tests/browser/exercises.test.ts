/**
 * The exercises page and the cards it links to, in headless Chromium against dist/: every
 * exercise listed by topic with its progress, each link landing on its card, progress kept in
 * localStorage across pages and reloads, nothing broken when storage is blocked, and screenshots
 * of a card (1280 and 375 px, light and dark) before answering, after a wrong answer and with the
 * solution shown, in tests/output/.
 */
import assert from "node:assert/strict";
import { browserFixture } from "./harness.ts";
import { EXERCISES } from "../../src/compute/exercises/registry.ts";
import { exercisesByTopic } from "../../src/components/exercises/exerciseList.ts";
import { cardKey } from "../../src/components/exerciseLink.ts";
import { TOPICS } from "../../src/site.ts";
import { card, submit, typedAnswers } from "./exerciseCards.ts";
import { formatFinding, runAxe } from "./axe.ts";

const path = "/pages/exercises";
const { test, open } = browserFixture();

test({
  name:
    "exercises page: lists every exercise by topic in TOPICS order, each linking to its card, all not tried yet",
  async fn() {
    const { page } = await open(path);
    await page.locator(".exercise-list li").first().waitFor();
    const headings = await page.locator(".exercise-list h2").allTextContents();
    assert.deepEqual(headings, exercisesByTopic().map((group) => TOPICS[group.topic]));
    const items = await page.locator(".exercise-list li").evaluateAll((nodes) =>
      nodes.map((node) => ({
        id: (node as HTMLElement).dataset.exercise,
        href: node.querySelector("a")!.getAttribute("href"),
        progress: node.querySelector(".exercise-list-progress")!.textContent,
      }))
    );
    assert.equal(items.length, EXERCISES.length);
    for (const exercise of EXERCISES) {
      const item = items.find((item) => item.id === exercise.id);
      assert.deepEqual(item, {
        id: exercise.id,
        href: `./${exercise.page}#${cardKey(exercise.id)}`,
        progress: "Not tried yet",
      });
    }
    assert.match(
      (await page.locator(".exercise-list-summary").textContent())!,
      new RegExp(`^Solved so far: 0 of ${EXERCISES.length} exercises\\.$`),
    );
  },
});

test({
  name:
    "exercises page: a link opens its card scrolled into view; solving it there shows as solved back on the list",
  async fn() {
    const exercise = EXERCISES[EXERCISES.length - 1];
    const { page } = await open(path, { viewport: { width: 1280, height: 800 } });
    await page.locator(`.exercise-list li[data-exercise="${exercise.id}"] a`).click();
    await page.waitForURL(new RegExp(`/pages/${exercise.page}#${cardKey(exercise.id)}$`));
    const box = card(page, exercise);
    await box.waitFor({ state: "visible", timeout: 30_000 });
    await page.waitForFunction(
      (id) => {
        const rect = document.getElementById(id)!.getBoundingClientRect();
        return rect.top < innerHeight && rect.bottom > 0;
      },
      cardKey(exercise.id),
      { timeout: 10_000 },
    );
    const result = await submit(page, exercise, typedAnswers(exercise, 1).right);
    assert.equal(result.verdict, "correct");
    await page.goto(new URL(path, page.url()).href);
    const status = page.locator(
      `.exercise-list li[data-exercise="${exercise.id}"] .exercise-list-progress`,
    );
    assert.equal(await status.textContent(), "Solved with one set of numbers");
    assert.match(
      (await page.locator(".exercise-list-summary").textContent())!,
      new RegExp(`^Solved so far: 1 of ${EXERCISES.length} exercises\\.$`),
    );
  },
});

test({
  name:
    "a card with localStorage blocked: checks answers and shows the solution with no console error",
  async fn() {
    const exercise = EXERCISES[0];
    const { page } = await open(`/pages/${exercise.page}`);
    await page.addInitScript(() => {
      Object.defineProperty(globalThis, "localStorage", {
        get() {
          throw new DOMException("blocked", "SecurityError");
        },
      });
    });
    await page.reload();
    const box = card(page, exercise);
    await box.waitFor({ state: "visible", timeout: 30_000 });
    assert.equal(
      (await submit(page, exercise, typedAnswers(exercise, 1).right)).verdict,
      "correct",
    );
    await box.getByRole("button", { name: "Show the worked solution" }).click();
    await box.locator(".exercise-solution").waitFor({ state: "visible" });
    assert.equal(
      (await box.locator(".exercise-progress").textContent())?.trim(),
      "Not tried yet",
      "with storage blocked nothing is kept, and the card says so plainly",
    );
  },
});

test({
  name:
    "a card's New numbers writes ex-<name> into the link, and the link (or ?seed=) opens that variant",
  async fn() {
    const exercise = EXERCISES[0];
    const key = cardKey(exercise.id);
    const { page } = await open(`/pages/${exercise.page}`);
    const box = card(page, exercise);
    await box.waitFor({ state: "visible", timeout: 30_000 });
    const prompt = box.locator(".exercise-prompt");
    await box.getByRole("button", { name: "New numbers" }).click();
    await page.waitForURL(new RegExp(`[?&]${key}=2\\b`));
    assert.match((await box.locator("h3").textContent())!, /numbers #2\)$/);
    const shown = await prompt.innerText();
    for (const search of [`?${key}=2`, "?seed=2"]) {
      await page.goto(new URL(`/pages/${exercise.page}${search}`, page.url()).href);
      await box.waitFor({ state: "visible", timeout: 30_000 });
      await page.waitForFunction(
        (id) => !document.querySelector(`#${id} .math-pending`),
        key,
        { timeout: 10_000 },
      );
      assert.equal(await prompt.innerText(), shown, search);
    }
    await page.goto(new URL(`/pages/${exercise.page}?${key}=abc`, page.url()).href);
    await box.waitFor({ state: "visible", timeout: 30_000 });
    assert.match(
      (await box.locator(".notice").textContent())!,
      new RegExp(`The link sets ${key}=abc, but a seed must be a whole number`),
    );
  },
});

test({
  name:
    "screenshots of a card at 1280 and 375 px, light and dark: before answering, after a wrong answer, with the solution shown (then no serious axe finding on the cards)",
  async fn() {
    const exercise = EXERCISES.find((e) => e.id === "convolution/filter-recovery")!;
    await Deno.mkdir("tests/output", { recursive: true });
    for (const colorScheme of ["light", "dark"] as const) {
      for (const width of [1280, 375]) {
        const { page } = await open(`/pages/${exercise.page}`, {
          colorScheme,
          viewport: { width, height: 900 },
        });
        const box = card(page, exercise);
        await box.waitFor({ state: "visible", timeout: 30_000 });
        await page.waitForFunction(
          (id) => !document.querySelector(`#${id} .math-pending`),
          cardKey(exercise.id),
          { timeout: 20_000 },
        );
        const shot = async (stage: string) => {
          await box.scrollIntoViewIfNeeded();
          await box.screenshot({
            path: `tests/output/exercise-card-${stage}-${width}-${colorScheme}.png`,
          });
        };
        await shot("before");
        await submit(page, exercise, typedAnswers(exercise, 1).wrong);
        await shot("wrong");
        await box.getByRole("button", { name: "Show the worked solution" }).click();
        await page.waitForFunction(
          (id) => !document.querySelector(`#${id} .math-pending`),
          cardKey(exercise.id),
        );
        await shot("solution");
        // Feedback and solution shown: axe finds nothing serious on any card.
        const onCards = (await runAxe(page)).filter((finding) =>
          finding.targets.some((target) => /#ex-|\.exercise-/.test(target))
        );
        assert.deepEqual(onCards.map(formatFinding), [], `${width} px ${colorScheme}`);
        const overflow = await page.evaluate(() =>
          document.documentElement.scrollWidth - innerWidth
        );
        assert.ok(overflow <= 0, `${width} px ${colorScheme}: the page is ${overflow} px too wide`);
      }
    }
  },
});
