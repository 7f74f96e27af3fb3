/**
 * Every page's drawn text, read as a reader gets it (pageText.ts): no raw float, exponent notation,
 * NaN, Infinity or "undefined", after every live section has finished. One runner over every page
 * of the config; a failure names the page, the offending text and where it stands.
 */
import assert from "node:assert/strict";
import {
  browserTest,
  openPage,
  openSession,
  type Session,
  sitePaths,
  waitForDrawn,
} from "./harness.ts";
import { drawnText, textProblems } from "./pageText.ts";

let sessionStarted: Promise<Session> | undefined;
const session = () => sessionStarted ??= openSession();

for (const path of sitePaths) {
  Deno.test({
    name: `${path}: the drawn text has no raw float, exponent notation, NaN, Infinity or undefined`,
    ...browserTest,
    async fn() {
      const { page } = await openPage(await session(), path);
      try {
        // A page that does not finish is the quality suite's failure; its text is still read.
        const drawn = await waitForDrawn(page, { timeout: 180_000 }).then(() => "", String);
        const problems = textProblems(await drawnText(page)).map((problem) =>
          `${problem.rule}: "${problem.text}" in "…${problem.context}…"`
        );
        if (drawn) problems.push(`(read before the page finished drawing: ${drawn})`);
        assert.ok(
          problems.length === 0 || (problems.length === 1 && drawn),
          `${path} shows:\n  ${problems.join("\n  ")}`,
        );
      } finally {
        await page.close();
      }
    },
  });
}

Deno.test({
  name: "page text: the browser and the static server shut down",
  ...browserTest,
  async fn() {
    if (sessionStarted) await (await sessionStarted).close();
  },
});
