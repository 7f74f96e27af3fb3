/**
 * The one way a page shows tests what it computed: `testHook(name, value)` sets
 * `globalThis.__explorables[name]`. Browser tests wait for a hook whose `settings` match the
 * controls they set, so a value that belongs to a set of controls carries them as `settings`.
 * The live worker's client (liveWorker.ts) adds `tf`, `backend` and `baselineTensors` to the
 * same object for the leak checks.
 */
export function testHook(name: string, value: unknown): void {
  const hooks = globalThis as { __explorables?: Record<string, unknown> };
  (hooks.__explorables ??= {})[name] = value;
}
