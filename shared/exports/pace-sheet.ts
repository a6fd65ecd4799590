import { once } from 'node:events';
import type ExcelJS from 'exceljs';

interface EntryStream extends NodeJS.EventEmitter {
  _writableState?: { length: number; highWaterMark: number };
}

/**
 * exceljs hands a worksheet's XML to the zip's compressor without waiting for it
 * (lib/utils/stream-buf.js writes to its pipes and ignores their answer), so a large
 * export would pile its uncompressed XML up in memory, about 530 bytes a row. This waits
 * for the compressor's input to drain instead. Its buffered length is only visible in the
 * stream's state (readable-stream 2 has no `writableLength`); without it, a turn of the
 * event loop is all the pacing there is.
 */
export async function paceSheet(sheet: ExcelJS.Worksheet, stop: AbortSignal) {
  const entry = (sheet as unknown as { stream?: { pipes?: EntryStream[] } }).stream?.pipes?.[0];
  const state = entry?._writableState;
  try {
    if (entry && state && state.length > state.highWaterMark) await once(entry, 'drain', { signal: stop });
    else await new Promise<void>((resolve) => setImmediate(resolve));
  } catch (error) {
    if (!stop.aborted) throw error;
  }
}
