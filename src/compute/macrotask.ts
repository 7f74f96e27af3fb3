/**
 * Resolves after the browser (or Deno) has run its other queued tasks: awaiting it between slices
 * of work lets a page paint and handle input, which a microtask would not.
 *
 * In a Web Worker there is no page to paint, only messages (Stop, a new setting) to let in, and
 * `setTimeout(0)` would cost 4 ms each time once nested five deep (the HTML timer clamp): there
 * a message to itself through a MessageChannel, which takes its turn in the queue and no longer.
 */
export const macrotask = (): Promise<void> =>
  inWorker() ? messageTurn() : new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Whether this code runs in a Web Worker (a browser's; Deno's main thread is not one). */
export function inWorker(): boolean {
  return typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== "undefined";
}

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

function messageTurn(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const turn = new Promise<void>((resolve) => waiting.push(resolve));
  channel.port2.postMessage(null);
  return turn;
}
