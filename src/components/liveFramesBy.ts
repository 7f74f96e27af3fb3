/**
 * Thins a live run's frames (section.run) for charts that change only now and then: a training
 * run yields a frame per slice of work, so that its status line follows every step, while its
 * accuracy chart gains a point only once an epoch. Passes on the first frame, each frame whose
 * `key` differs from the last one passed on, and the run's last frame (done, stopped or failed);
 * the frames in between are pulled at once, so the run does not wait for the page to draw them.
 *
 * `onResult` runs on the last frame of a run that finished or was stopped (not one that failed),
 * before it is passed on: the place for a test hook made of the computation's own measures, which
 * the runner's `hook` cannot give where they share a name with the driver's (`longestSliceMs`).
 * (Not in the contract's runner yet: a page-level helper until a second kind of page needs it.)
 */
interface RunFrame {
  done: boolean;
  stopped?: boolean;
  error?: string;
}

export async function* liveFramesBy<T extends RunFrame>(
  frames: AsyncIterable<T>,
  key: (frame: T) => unknown,
  onResult?: (frame: T) => void,
): AsyncGenerator<T, void, undefined> {
  let first = true;
  let shown: unknown;
  for await (const frame of frames) {
    const last = frame.done || frame.stopped === true || frame.error !== undefined;
    if (last && frame.error === undefined) onResult?.(frame);
    const at = key(frame);
    if (first || last || at !== shown) yield frame;
    first = false;
    shown = at;
  }
}
