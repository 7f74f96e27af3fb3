/**
 * The digit file the build writes and the pages read: the three splits packed into one byte array
 * and compressed with raw DEFLATE (CompressionStream, in Deno and in every current browser).
 * Most of a digit is blank, so the file is about a fifth of its raw size, and it does not rely on
 * the web server compressing an unknown binary type.
 *
 * Layout before compression: "DIGS", then format version, train, validation and test counts
 * (uint32, little-endian); then per split its labels (1 byte each) and its pixels (784 bytes each).
 */
import {
  DIGIT_CLASSES,
  DIGIT_PIXELS,
  type DigitSet,
  type DigitSplits,
  SPLIT_NAMES,
} from "./digitSet.js";

const MAGIC = [0x44, 0x49, 0x47, 0x53]; // "DIGS"
const VERSION = 1;
const HEADER = 4 + 4 * 4;

export function packDigits(splits: DigitSplits): Uint8Array {
  const sets = SPLIT_NAMES.map((name) => splits[name]);
  const size = HEADER + sets.reduce((n, s) => n + s.count * (1 + DIGIT_PIXELS), 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(4, VERSION, true);
  sets.forEach((s, i) => view.setUint32(8 + 4 * i, s.count, true));
  let at = HEADER;
  for (const s of sets) {
    bytes.set(s.labels, at);
    at += s.count;
    bytes.set(s.pixels, at);
    at += s.count * DIGIT_PIXELS;
  }
  return bytes;
}

/** The inverse of packDigits; a file that is not one throws an Error saying what is wrong. */
export function unpackDigits(bytes: Uint8Array): DigitSplits {
  if (bytes.length < HEADER || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new Error("not a digit file (its first bytes are not DIGS)");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new Error(`digit file version ${version}; expected ${VERSION}`);
  const counts = SPLIT_NAMES.map((_, i) => view.getUint32(8 + 4 * i, true));
  const size = HEADER + counts.reduce((n, c) => n + c * (1 + DIGIT_PIXELS), 0);
  if (bytes.length !== size) {
    throw new Error(`digit file holds ${bytes.length} bytes; its header promises ${size}`);
  }
  let at = HEADER;
  const sets = counts.map((count): DigitSet => {
    const labels = bytes.slice(at, at + count);
    at += count;
    const pixels = bytes.slice(at, at + count * DIGIT_PIXELS);
    at += count * DIGIT_PIXELS;
    const bad = labels.findIndex((l) => l >= DIGIT_CLASSES);
    if (bad >= 0) throw new Error(`digit file label ${labels[bad]} is not a digit`);
    return { count, pixels, labels };
  });
  return { train: sets[0], validation: sets[1], test: sets[2] };
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
  const piped = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** The file's bytes: packed, then compressed. */
export function encodeDigitFile(splits: DigitSplits): Promise<Uint8Array> {
  return through(packDigits(splits), new CompressionStream("deflate-raw"));
}

/** The splits from the file's bytes (e.g. FileAttachment(…).arrayBuffer()). */
export async function decodeDigitFile(file: ArrayBuffer | Uint8Array): Promise<DigitSplits> {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(file);
  const raw = await through(bytes, new DecompressionStream("deflate-raw")).catch((e: Error) => {
    throw new Error(`digit file is not valid DEFLATE data: ${e.message}`);
  });
  return unpackDigits(raw);
}
