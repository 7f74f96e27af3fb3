/**
 * Environment variables for loaders, read only where the process may read them: Framework runs
 * loaders with every permission, but the tests run them without --allow-env unless they set one,
 * and Deno.env.get would then throw instead of saying "not set".
 */
export function envVariable(name: string): string | undefined {
  const { state } = Deno.permissions.querySync({ name: "env", variable: name });
  return state === "granted" ? Deno.env.get(name) || undefined : undefined;
}
