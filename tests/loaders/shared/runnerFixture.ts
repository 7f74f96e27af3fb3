/** A loader for the runner's tests: what it does is the first argument. */
import { runLoader } from "../../../src/loaders/shared/runLoader.ts";

if (import.meta.main) {
  Deno.exit(
    await runLoader("fixture", async (log) => {
      await Promise.resolve();
      switch (Deno.args[0]) {
        case "json":
          log("working");
          return { a: 1 / 3, b: [1, "two"] };
        case "bytes":
          return new Uint8Array([0, 1, 2, 255]);
        default:
          log("half way");
          throw new RangeError("grid.x must be 1; got 2");
      }
    }),
  );
}
