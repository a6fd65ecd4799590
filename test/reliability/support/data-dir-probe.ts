import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TIMER_QUEUE } from '../../../shared/tracking/tracker-timer.js';

export interface PendingTimer {
  trackerId: string;
  /** When the queue delivers it (epoch ms). */
  visibleAt: number;
  deliveryCount: number;
}

/**
 * Reads a running server's SQLite file from outside, read-only (WAL lets a reader in
 * beside the writer): the tracker a user's state holds and the queue message its
 * scheduled activity check points at.
 */
export function pendingTrackerTimer(dataDir: string, trackerStart: string): { trackerId: string; timer: PendingTimer | undefined } | undefined {
  const db = new Database(join(dataDir, 'timehub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const state = db.prepare(`SELECT body FROM documents WHERE container = 'worklogs' AND id = 'state'
      AND json_extract(body, '$.tracker.startTimestamp') = ?`).get(trackerStart) as { body: string } | undefined;
    if (!state) return undefined;
    const tracker = (JSON.parse(state.body) as { tracker: { id: string; scheduled: { handle: string } | null } }).tracker;
    const row = tracker.scheduled && (db.prepare(`SELECT body, visible_at, delivery_count FROM queue_messages
      WHERE queue = ? AND seq = ?`).get(TIMER_QUEUE, Number(tracker.scheduled.handle)) as
      { body: string; visible_at: number; delivery_count: number } | undefined);
    const timer = row ? { trackerId: (JSON.parse(row.body) as { trackerId: string }).trackerId, visibleAt: row.visible_at, deliveryCount: row.delivery_count } : undefined;
    return { trackerId: tracker.id, timer };
  } finally {
    db.close();
  }
}
