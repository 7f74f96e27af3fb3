/**
 * The frame of every data loader: progress lines on stderr, the output on stdout in one write at
 * the very end (a failure part-way leaves stdout empty, so Framework never caches half a file), and
 * the exit status (0, or 1 after a line "<name>: FAILED: <why>"). A loader's main is one call:
 *
 *   if (import.meta.main) Deno.exit(await runLoader("dropout-toy", async (log) => ...));
 *
 * where the function returns the JSON-able output, or the bytes of a binary file.
 */
export type Log = (line: string) => void;

export async function runLoader(
  name: string,
  produce: (log: Log) => Promise<unknown>,
): Promise<number> {
  const started = performance.now();
  const log: Log = (line) => console.error(`${name}: ${line}`);
  try {
    const output = await produce(log);
    const bytes = output instanceof Uint8Array
      ? output
      : new TextEncoder().encode(`${JSON.stringify(output)}\n`);
    await writeAll(bytes);
    const kb = (bytes.length / 1024).toFixed(0);
    log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s, ${kb} KiB`);
    return 0;
  } catch (e) {
    log(`FAILED: ${(e as Error).message}`);
    return 1;
  }
}

/** All of the bytes: one write() call may take only part of a large buffer. */
async function writeAll(bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length;) at += await Deno.stdout.write(bytes.subarray(at));
}
