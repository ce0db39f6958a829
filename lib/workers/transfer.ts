// What crosses between a thread of the pool and its caller. Structured clone turns a Buffer into
// a plain Uint8Array and an Error into a bare Error, so both are tagged on the way out and
// restored on the way in; large pixel buffers are moved (transferred), not copied.

const BUFFER_TAG = "__pixelBuffer";

type Tagged = { [BUFFER_TAG]: Uint8Array };

/** An ArrayBuffer a view may hand over: it owns all of it (not a slice of Node's Buffer pool). */
function ownedBuffer(view: ArrayBufferView): ArrayBuffer | undefined {
  const buffer = view.buffer;
  if (!(buffer instanceof ArrayBuffer)) return undefined; // SharedArrayBuffer: shared anyway
  return view.byteOffset === 0 && view.byteLength === buffer.byteLength ? buffer : undefined;
}

/**
 * `value` ready for postMessage, and the ArrayBuffers to transfer with it: every typed array that
 * owns its memory (PNGs, pixel grids). Only for values the sender no longer uses.
 */
export function pack(value: unknown, transfer?: Set<ArrayBuffer>): unknown {
  if (value === null || typeof value !== "object") return value;
  if (ArrayBuffer.isView(value)) {
    const owned = ownedBuffer(value);
    if (owned) transfer?.add(owned);
    if (Buffer.isBuffer(value)) {
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      return { [BUFFER_TAG]: owned ? bytes : bytes.slice() } satisfies Tagged;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => pack(v, transfer));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = pack(v, transfer);
  return out;
}

/** The inverse of pack: tagged byte arrays become Buffers again (same memory, no copy). */
export function unpack(value: unknown): unknown {
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map(unpack);
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const bytes = (value as Partial<Tagged>)[BUFFER_TAG];
  if (bytes instanceof Uint8Array)
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = unpack(v);
  return out;
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** own enumerable properties (a domain error's code, status …) */
  props: Record<string, unknown>;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error), props: {} };
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(error)) {
    if (v === null || ["string", "number", "boolean"].includes(typeof v)) props[k] = v;
  }
  return { name: error.name, message: error.message, stack: error.stack, props };
}

/** The error again on the caller's side: same name, message and simple properties. */
export function reviveError(e: SerializedError, job: string): Error {
  const error = new Error(e.message);
  error.name = e.name;
  Object.assign(error, e.props);
  error.stack = `${e.stack ?? `${e.name}: ${e.message}`}\n    at worker pool job "${job}"`;
  return error;
}
