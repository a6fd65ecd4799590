import type { ServerResponse } from 'node:http';
import type { Log } from './handle-request.js';
import { errorToHttp } from './http-errors.js';

/** How a streamed answer ended, for the request log line. */
export type StreamEnd = { kind: 'sent' | 'client gone'; bytes: number } | { kind: 'failed'; bytes: number; error: unknown };

/**
 * Writes the chunks with the client's backpressure: the next chunk is read only once the
 * socket took the last one. When the client goes away (`signal`) no further chunk is read.
 * An error after the status went out cuts the connection, so the client sees an incomplete
 * download rather than a complete-looking truncated file.
 */
export async function sendStream(res: ServerResponse, chunks: AsyncIterable<Uint8Array>, signal: AbortSignal, log: Log): Promise<StreamEnd> {
  const iterator = chunks[Symbol.asyncIterator]();
  let bytes = 0;
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (signal.aborted) return { kind: 'client gone', bytes };
      bytes += next.value.byteLength;
      if (!res.write(next.value)) await drained(res, signal);
      if (signal.aborted) return { kind: 'client gone', bytes };
    }
    res.end();
    return { kind: 'sent', bytes };
  } catch (error) {
    if (!signal.aborted) errorToHttp(error, log);
    res.destroy();
    return signal.aborted ? { kind: 'client gone', bytes } : { kind: 'failed', bytes, error };
  } finally {
    await iterator.return?.();
  }
}

function drained(res: ServerResponse, signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    res.once('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

export function describeEnd(end: StreamEnd): string {
  if (end.kind === 'sent') return ` streamed ${end.bytes} bytes`;
  if (end.kind === 'client gone') return ` stopped: the client went away after ${end.bytes} bytes`;
  return ` cut after ${end.bytes} bytes by an error`;
}
