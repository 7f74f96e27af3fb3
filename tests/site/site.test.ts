/**
 * The manifest (src/site.ts) against the repository, both ways: every file a page owns by its slug
 * and its entry exists, and every page file, topic folder, loader, loader test, browser test, page
 * file of the browser suites (tests/browser/pages/) and bench part that exists belongs to a page
 * the manifest names. Also: the sidebar is the manifest's, and every file path the READMEs mention
 * exists. Pure and fast: files are read, nothing is built and no browser starts.
 */
import assert from "node:assert/strict";
import config from "../../observablehq.config.ts";
import {
  benchPart,
  GUIDE,
  GUIDE_PAGES,
  GUIDE_SECTION,
  guidePath,
  loaderTest,
  ownFiles,
  pagePath,
  PAGES,
  TOPICS,
} from "../../src/site.ts";

const root = new URL("../../", import.meta.url);
const built = PAGES.filter((page) => page.status === "built");
const coming = PAGES.filter((page) => page.status === "coming");

/**
 * Browser tests that cover every page or a shared helper rather than one page; any other
 * tests/browser/*.test.ts must be tests/browser/<slug>.test.ts of a page.
 */
const SUITE_BROWSER_TESTS = [
  "backendTableRules",
  "backends",
  "benchMeasures",
  "firstChart",
  "instructorView",
  "links",
  "pageTextRules",
  "quality",
  "qualityHelpers",
  "staticHost",
  "stop",
];

/** Folders at the shared level that are not a page's: the front page's components. */
const SHARED_FOLDERS = ["front"];

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(new URL(path, root));
    return true;
  } catch {
    return false;
  }
}

async function list(folder: string, kind: "file" | "folder"): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(new URL(folder, root))) {
    if (kind === "file" ? entry.isFile : entry.isDirectory) names.push(entry.name);
  }
  return names.sort();
}

/** Names in `actual` that `allowed` lacks, as a message listing them. */
function strays(what: string, actual: string[], allowed: Iterable<string>): string[] {
  const known = new Set(allowed);
  return actual.filter((name) => !known.has(name)).map((name) => `${what}${name}`);
}

Deno.test("PAGES: slugs are unique, each topic is known and every summary is one sentence", () => {
  assert.equal(new Set(PAGES.map((page) => page.slug)).size, PAGES.length);
  for (const page of PAGES) {
    assert.ok(
      page.topic in TOPICS || page.topic === GUIDE,
      `${page.slug}: unknown topic ${page.topic}`,
    );
    assert.match(page.slug, /^[a-z0-9-]+$/);
    assert.match(page.summary, /^[A-Z][^]*\.$/, `${page.slug}: summary is not a sentence`);
    assert.equal(page.summary.match(/\. [A-Z]/g), null, `${page.slug}: summary has two sentences`);
  }
});

Deno.test("PAGES: every built page owns its files (page, compute README, browser test and suite rows, loaders and their tests, bench part)", async () => {
  assert.ok(built.length > 0);
  const missing: string[] = [];
  for (const page of built) {
    for (const file of ownFiles(page)) {
      // A page's Markdown may come from its page loader (src/pages/exercises.md.ts).
      if (!(await exists(file)) && !(await exists(`${file}.ts`))) missing.push(file);
    }
  }
  assert.deepEqual(missing, [], `named by src/site.ts but missing: ${missing.join(", ")}`);
});

Deno.test("src/compute/<slug>/README.md: a draft, so Framework does not build it as a page", async () => {
  for (const page of built) {
    const readme = await Deno.readTextFile(new URL(`src/compute/${page.slug}/README.md`, root));
    const frontMatter = /^---\n([^]*?)\n---\n/.exec(readme)?.[1] ?? "";
    assert.match(
      frontMatter,
      /^draft: true$/m,
      `src/compute/${page.slug}/README.md is not a draft`,
    );
  }
});

Deno.test('PAGES: a page\'s loaders are exactly the loader files its page reads (FileAttachment("…/loaders/<name>"))', async () => {
  for (const page of built) {
    const path = (await exists(`src/pages/${page.slug}.md`))
      ? `src/pages/${page.slug}.md`
      : `src/pages/${page.slug}.md.ts`;
    const source = await Deno.readTextFile(new URL(path, root));
    const read = new Set(
      [...source.matchAll(/FileAttachment\(\s*["'`](?:\.\.?\/)+loaders\/([^"'`]+)["'`]/g)]
        .map((match) => match[1]),
    );
    assert.deepEqual([...read].sort(), [...page.loaders].sort(), `${page.slug}: ${path}`);
  }
});

Deno.test("PAGES: a coming page has no page file, no folder and no sidebar entry", async () => {
  const paths = config.pages.flatMap((section) => section.pages.map((page) => page.path));
  for (const page of coming) {
    for (const file of [`src/pages/${page.slug}.md`, `src/pages/${page.slug}.md.ts`]) {
      assert.ok(!(await exists(file)), `${page.slug} exists: mark it built`);
    }
    assert.ok(!(await exists(`src/compute/${page.slug}`)), `${page.slug} has code: mark it built`);
    assert.ok(!paths.includes(pagePath(page)));
    const preview = `src/components/${page.slug}/preview.ts`;
    assert.ok(!(await exists(preview)), `${page.slug} is coming but has a preview`);
  }
});

Deno.test("the repository holds no page, topic folder, loader or test that the manifest does not name", async () => {
  const slugs = built.map((page) => page.slug);
  const loaders = new Set(built.flatMap((page) => page.loaders));
  const benched = built.filter((page) => page.bench);
  const found = [
    ...strays(
      "src/pages/",
      await list("src/pages", "file"),
      slugs.flatMap((s) => [`${s}.md`, `${s}.md.ts`]),
    ),
    ...strays(
      "src/loaders/",
      await list("src/loaders", "file"),
      [...loaders].map((l) => `${l}.ts`),
    ),
    ...strays(
      "tests/loaders/",
      (await list("tests/loaders", "file")).filter((name) => name.endsWith(".test.ts")),
      [...loaders].map((loader) => loaderTest(loader).slice("tests/loaders/".length)),
    ),
    ...strays(
      "tests/browser/",
      (await list("tests/browser", "file")).filter((name) => name.endsWith(".test.ts")),
      [...slugs, ...SUITE_BROWSER_TESTS].map((name) => `${name}.test.ts`),
    ),
    ...strays(
      "tests/browser/pages/",
      await list("tests/browser/pages", "file"),
      slugs.map((slug) => `${slug}.ts`),
    ),
    ...strays(
      "tests/bench/pages/",
      await list("tests/bench/pages", "file"),
      benched.map((page) => benchPart(page).slice("tests/bench/pages/".length)),
    ),
  ];
  for (const folder of ["src/compute", "src/components", "tests/compute", "tests/components"]) {
    found.push(
      ...strays(`${folder}/`, await list(folder, "folder"), [...slugs, ...SHARED_FOLDERS]),
    );
  }
  assert.deepEqual(found, [], `not named by src/site.ts: ${found.join(", ")}`);
});

Deno.test("PAGES: each bench part exports latency(backend, webgpu)", async () => {
  for (const page of built.filter((page) => page.bench)) {
    const source = await Deno.readTextFile(new URL(benchPart(page), root));
    assert.match(source, /^export async function latency\(\s*backend: string,\s*webgpu: boolean/m);
  }
});

Deno.test("the sidebar lists every built page once, by topic in TOPICS order, titled as in PAGES, then the guide-topic pages and the guide pages", () => {
  const expected = Object.values(TOPICS).flatMap((name) => {
    const pages = built.filter((page) => page.topic !== GUIDE && TOPICS[page.topic] === name);
    return pages.length
      ? [{ name, pages: pages.map((p) => ({ name: p.title, path: pagePath(p) })) }]
      : [];
  });
  const guide = {
    name: GUIDE_SECTION,
    pages: [
      ...built.filter((page) => page.topic === GUIDE).map((p) => ({
        name: p.title,
        path: pagePath(p),
      })),
      ...GUIDE_PAGES.map((page) => ({ name: page.title, path: guidePath(page) })),
    ],
  };
  assert.deepEqual(config.pages, [...expected, guide]);
});

Deno.test("GUIDE_PAGES: each is a page loader src/<slug>.md.ts, with a slug no topic page has", async () => {
  for (const page of GUIDE_PAGES) {
    assert.match(page.slug, /^[a-z0-9-]+$/);
    assert.ok(await exists(`src/${page.slug}.md.ts`), `src/${page.slug}.md.ts is missing`);
    assert.equal(PAGES.find((p) => p.slug === page.slug), undefined, `${page.slug} is a topic's`);
    assert.match(page.summary, /^[A-Z][^]*\.$/, `${page.slug}: summary is not a sentence`);
  }
});

/** Every file under the repository's own folders, as paths from the root. */
async function repositoryFiles(): Promise<string[]> {
  const skip = new Set(["node_modules", "dist", ".git", ".observablehq", "output", ".bench"]);
  const files: string[] = [];
  const walk = async (folder: string) => {
    for await (const entry of Deno.readDir(new URL(folder || ".", root))) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (skip.has(entry.name) || entry.name.startsWith("dist")) continue;
      if (entry.isDirectory) await walk(path);
      else files.push(path);
    }
  };
  await walk("");
  return files;
}

/**
 * The file paths a README names in backticks: anything with a file extension or a folder under
 * src/, tests/ or data/, but not what the build or npm makes (node_modules/, dist/, hidden
 * folders such as src/.observablehq/, Framework's _observablehq/). A path with a slash is read
 * from the repository root (or beside the README); a bare file name must be some file's name. A
 * loader's output (`mnist-digits.bin`) counts as its loader.
 */
function namedPaths(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]).filter((token) =>
    /^[A-Za-z0-9][\w./-]*$/.test(token) && !token.includes("/.") &&
    !/^(node_modules|dist)\b/.test(token) &&
    (/\.(ts|md|json|bin|css|yml)$/.test(token) || /^(src|tests|data)\//.test(token))
  );
}

Deno.test("README.md and src/compute/<slug>/README.md: every file path and task they name exists", async () => {
  const files = await repositoryFiles();
  const names = new Set(files.map((file) => file.split("/").at(-1)!));
  const isFile = new Set(files);
  const isFolder = new Set(files.flatMap((file) => {
    const parts = file.split("/");
    return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join("/"));
  }));
  const known = (path: string, beside: string) =>
    [path, `${beside}${path}`].some((p) =>
      isFile.has(p) || isFile.has(`${p}.ts`) || isFolder.has(p.replace(/\/$/, ""))
    ) || (!path.includes("/") && (names.has(path) || names.has(`${path}.ts`)));
  const tasks = Object.keys(
    JSON.parse(await Deno.readTextFile(new URL("deno.json", root))).tasks,
  );
  const readmes = ["README.md", ...built.map((page) => `src/compute/${page.slug}/README.md`)];
  const wrong: string[] = [];
  for (const readme of readmes) {
    const text = await Deno.readTextFile(new URL(readme, root));
    const beside = readme.replace(/README\.md$/, "");
    for (const path of namedPaths(text)) if (!known(path, beside)) wrong.push(`${readme}: ${path}`);
    for (const [, task] of text.matchAll(/deno task ([a-z]+)/g)) {
      if (!tasks.includes(task)) wrong.push(`${readme}: deno task ${task}`);
    }
  }
  assert.deepEqual(wrong, [], `named but missing:\n${wrong.join("\n")}`);
});
