/**
 * The site builds and runs from the npm registry alone: no page, module or built file may point at
 * a CDN, and no source may use Framework's `npm:` imports (which Framework fetches from a CDN).
 */
import assert from "node:assert/strict";

const cdnHosts = [
  "cdn.jsdelivr.net",
  "unpkg.com",
  "esm.sh",
  "esm.run",
  "cdnjs.cloudflare.com",
  "cdn.skypack.dev",
  "fonts.googleapis.com",
  "fonts.gstatic.com",
  "ga.jspm.io",
];
const npmImport = /(?:from\s*|import\s*\(\s*|import\s+)["']npm:|["']npm:[@\w]/;

async function* files(dir: string, extensions: RegExp): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory && entry.name !== ".observablehq") yield* files(path, extensions);
    else if (entry.isFile && extensions.test(entry.name)) yield path;
  }
}

async function offenders(dir: string, extensions: RegExp, patterns: (string | RegExp)[]) {
  const found: string[] = [];
  for await (const path of files(dir, extensions)) {
    const text = await Deno.readTextFile(path);
    for (const pattern of patterns) {
      const hit = typeof pattern === "string" ? text.includes(pattern) : pattern.test(text);
      if (hit) found.push(`${path}: ${pattern}`);
    }
  }
  return found;
}

Deno.test("src/ names no CDN and uses no npm: import", async () => {
  const found = await offenders("src", /\.(ts|js|md|css|html)$/, [...cdnHosts, npmImport]);
  assert.deepEqual(found, []);
});

Deno.test("observablehq.config.ts drops Framework's default web-font stylesheet", async () => {
  const config = (await import("../observablehq.config.ts")).default;
  assert.deepEqual(config.globalStylesheets, []);
});

Deno.test("dist/ (the built site) refers to no CDN and holds no CDN-fetched npm module", async () => {
  try {
    await Deno.stat("dist/index.html");
  } catch {
    assert.fail("dist/ is missing: run `deno task build` (the test task builds first)");
  }
  const found = await offenders("dist", /\.(html|js|css|json)$/, cdnHosts);
  assert.deepEqual(found, []);
  const npmDir = await Deno.stat("dist/_npm").then(() => true, () => false);
  assert.equal(npmDir, false, "dist/_npm exists: something was fetched through an npm: import");
});

Deno.test("offenders() catches a CDN reference (the check itself can fail)", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(
    `${dir}/page.md`,
    '```js\nimport * as Plot from "npm:@observablehq/plot";\n```\n',
  );
  await Deno.writeTextFile(`${dir}/style.css`, '@import url("https://fonts.googleapis.com/x");');
  const found = await offenders(dir, /\.(md|css)$/, [...cdnHosts, npmImport]);
  assert.equal(found.length, 2);
  await Deno.remove(dir, { recursive: true });
});
