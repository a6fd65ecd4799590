import type { Row } from './odata-rows.js';

export interface KeyedRow {
  key: string;
  row: Row;
}

/**
 * Up to `count` rows after the key `after`, in key order; `done` when nothing follows. `last`:
 * the key read up to, when rows were passed over after the last one answered.
 */
export type RowSource = (after: string | undefined, count: number) => Promise<{ rows: KeyedRow[]; done: boolean; last?: string }>;
