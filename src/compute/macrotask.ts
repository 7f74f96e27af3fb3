/**
 * Resolves after the browser (or Deno) has run its other queued tasks: awaiting it between slices
 * of work lets a page paint and handle input, which a microtask would not.
 */
export const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
