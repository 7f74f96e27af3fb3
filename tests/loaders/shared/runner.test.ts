/** The shared loader frame (src/loaders/shared/): grid path, grid reading, one write, exit status. */
import assert from "node:assert/strict";
import { gridPath, gridVariable } from "../../../src/loaders/shared/gridPath.ts";
import { readGrid } from "../../../src/loaders/shared/readGrid.ts";
import { repoRoot, runLoader } from "../runLoader.ts";

const fixture = "tests/loaders/shared/runnerFixture.ts";

Deno.test("runLoader: the JSON on stdout in one piece with a newline, exit 0, progress on stderr", async () => {
  const run = await runLoader(fixture, ["json"]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, '{"a":0.3333333333333333,"b":[1,"two"]}\n');
  assert.match(run.stderr, /^fixture: working\nfixture: done in [\d.]+ s, 0 KiB\n$/);
});

Deno.test("runLoader: bytes go to stdout as they are", async () => {
  const run = await runLoader(fixture, ["bytes"]);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual([...run.stdoutBytes], [0, 1, 2, 255]);
});

Deno.test("runLoader: a failure exits 1, says FAILED and why, and writes nothing to stdout", async () => {
  const run = await runLoader(fixture, ["fail"]);
  assert.equal(run.code, 1);
  assert.equal(run.stdout, "");
  assert.match(run.stderr, /fixture: half way\nfixture: FAILED: grid\.x must be 1; got 2\n$/);
});

Deno.test("gridVariable: the slug in capitals with _GRID", () => {
  assert.equal(gridVariable("cnn-training"), "CNN_TRAINING_GRID");
  assert.equal(gridVariable("initialisation"), "INITIALISATION_GRID");
});

Deno.test("gridPath: the first argument, else data/<slug>.json of this repository", async () => {
  assert.equal(gridPath("dropout-toy", ["/tmp/g.json"]), "/tmp/g.json");
  const committed = gridPath("dropout-toy", []);
  assert.equal(committed, new URL("data/dropout-toy.json", repoRoot).pathname);
  assert.ok((await Deno.stat(committed)).isFile);
});

Deno.test("readGrid: each failure names the file, and the parser's message names the field", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const missing = `${dir}/missing.json`;
    await assert.rejects(readGrid(missing, (x) => x), new RegExp(`cannot read grid ${missing}: `));
    const broken = `${dir}/broken.json`;
    await Deno.writeTextFile(broken, "{ not json");
    await assert.rejects(
      readGrid(broken, (x) => x),
      new RegExp(`grid ${broken} is not valid JSON`),
    );
    const bad = `${dir}/bad.json`;
    await Deno.writeTextFile(bad, '{"seeds": []}');
    const parse = (raw: unknown) => {
      if ((raw as { seeds: unknown[] }).seeds.length === 0) {
        throw new RangeError("grid.seeds must not be empty");
      }
      return raw;
    };
    await assert.rejects(
      readGrid(bad, parse),
      new RegExp(`grid ${bad}: grid.seeds must not be empty`),
    );
    await Deno.writeTextFile(bad, '{"seeds": [1]}');
    assert.deepEqual(await readGrid(bad, parse), { seeds: [1] });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("every JSON loader reads its grid from <SLUG>_GRID and fails loudly, writing nothing, when it is bad", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/grid.json`;
    await Deno.writeTextFile(path, "[]");
    const slugs = [
      "cnn-training",
      "double-descent",
      "dropout-digits",
      "dropout-noise",
      "dropout-toy",
      "initialisation",
    ];
    for (const slug of slugs) {
      const run = await runLoader(`src/loaders/${slug}.json.ts`, [], {
        [gridVariable(slug)]: path,
      });
      assert.equal(run.code, 1, `${slug}: ${run.stderr}`);
      assert.equal(run.stdout, "", slug);
      assert.match(run.stderr, new RegExp(`${slug}: FAILED: grid ${path}: .*must`), slug);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
