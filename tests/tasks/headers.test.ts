/**
 * Cross-origin isolation: the static server sends COOP and COEP on every response (pages, files
 * and the 404 page), and the built site carries the same pair in `_headers` for static hosts.
 */
import assert from "node:assert/strict";
import { headersFile, isolationHeaders } from "../../src/tasks/headers.ts";
import { serveStatic } from "../../src/tasks/serve.ts";

Deno.test("headersFile(): every path gets COOP same-origin and COEP require-corp", () => {
  assert.equal(
    headersFile(),
    "/*\n  cross-origin-opener-policy: same-origin\n  cross-origin-embedder-policy: require-corp\n",
  );
});

Deno.test("serveStatic(root): a file and a missing path both come cross-origin isolated", async () => {
  const root = await Deno.makeTempDir();
  await Deno.writeTextFile(`${root}/index.html`, "<p>hi</p>");
  const server = serveStatic(root);
  try {
    for (const path of ["/", "/missing"]) {
      const response = await fetch(`http://127.0.0.1:${server.addr.port}${path}`);
      await response.body?.cancel();
      for (const [name, value] of Object.entries(isolationHeaders)) {
        assert.equal(response.headers.get(name), value, `${path}: ${name}`);
      }
    }
  } finally {
    await server.shutdown();
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("the built site carries _headers for static hosts that read it", async () => {
  const dist = Deno.env.get("EXPLORABLES_DIST") ?? "dist";
  assert.equal(await Deno.readTextFile(`${dist}/_headers`), headersFile());
});
