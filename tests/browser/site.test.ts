/** Every page of the built site loads cleanly: no console error, nothing fetched from elsewhere. */
import assert from "node:assert/strict";
import config from "../../observablehq.config.ts";
import { browserTest, openPage, openSession } from "./harness.ts";

const paths = ["/", ...config.pages.flatMap((section) => section.pages.map((page) => page.path))];

Deno.test({
  name: "every page in observablehq.config.ts loads with no console error and no foreign request",
  ...browserTest,
  async fn() {
    const session = await openSession();
    try {
      for (const path of paths) {
        const { page, consoleErrors, foreignRequests } = await openPage(session, path);
        await page.waitForLoadState("networkidle");
        assert.deepEqual(consoleErrors, [], `console errors on ${path}`);
        assert.deepEqual(foreignRequests, [], `requests to another origin from ${path}`);
        assert.ok((await page.title()).includes("DNN Explorables"), `title of ${path}`);
        await page.close();
      }
    } finally {
      await session.close();
    }
  },
});
