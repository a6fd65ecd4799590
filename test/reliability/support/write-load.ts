import type { Device, Reply } from './keep-alive-client.js';

/** A keyed create the load sent: one worklog, or a batch whose items carry `key#i` as comment. */
export interface KeyedWrite {
  key: string;
  path: '/rest/workLogs' | '/rest/workLogs/batch';
  body: WorklogBody | WorklogBody[];
  size: number;
  /**
   * acked: a 2xx arrived; unanswered: the server died first; refused: any other answer;
   * abandoned: its retry after the crash was refused as well (reported once, then left alone).
   */
  outcome: 'pending' | 'acked' | 'unanswered' | 'refused' | 'abandoned';
  /** The worklogs the 2xx answer reported. */
  result?: StoredWorklog[];
  refusal?: Reply;
  /** How long the first attempt took to answer (ms). */
  answerMs?: number;
}

export interface WorklogBody { timestamp: string; length: number; workItemId: number; comment: string }
export interface StoredWorklog { id: string; timestamp: string; length: number; workItemId: number | null; comment: string | null }

const SECOND = 1000;
const ADD_SECONDS = 300;
const BATCH_ITEM_SECONDS = 60;

/**
 * Keyed creates from several devices of one user, as fast as the server answers, each in
 * a time slot of its own (so no write can be refused for overlapping another). Every
 * request carries an Idempotency-Key, so one that got no answer can be retried.
 */
export class WriteLoad {
  readonly writes = new Map<string, KeyedWrite>();
  private cursor: number;
  private sequence = 0;

  constructor(private readonly random: () => number, firstSlot: Date) {
    this.cursor = firstSlot.getTime();
  }

  /** Runs every device until its first request without an answer (the server was killed). */
  run(devices: readonly Device[], round: number): Promise<void> {
    return Promise.all(devices.map((device) => this.runDevice(device, round))).then(() => {});
  }

  /** Sends `write` again with its key; returns the answer. */
  async retry(device: Device, write: KeyedWrite): Promise<Reply> {
    return device.call('POST', write.path, write.body, { 'Idempotency-Key': write.key });
  }

  private async runDevice(device: Device, round: number) {
    for (;;) {
      const write = this.nextWrite(`${device.name}-r${round}`);
      const sent = performance.now();
      try {
        const reply = await this.retry(device, write);
        write.answerMs = performance.now() - sent;
        this.record(write, reply);
      } catch {
        write.outcome = 'unanswered';
        return;
      }
    }
  }

  /** Marks a write by its answer: 2xx acknowledges what the answer reports. */
  record(write: KeyedWrite, reply: Reply) {
    if (reply.status >= 200 && reply.status < 300) {
      const data = reply.body?.data as StoredWorklog | StoredWorklog[];
      write.outcome = 'acked';
      write.result = Array.isArray(data) ? data : [data];
    } else {
      write.outcome = 'refused';
      write.refusal = reply;
    }
  }

  /** Mostly single adds; one write in ten a batch of 500, one in ten a batch of 120. */
  private nextWrite(prefix: string): KeyedWrite {
    const key = `${prefix}-${++this.sequence}`;
    const dice = this.random();
    const size = dice < 0.1 ? 500 : dice < 0.2 ? 120 : 1;
    const seconds = size === 1 ? ADD_SECONDS : BATCH_ITEM_SECONDS;
    const items = Array.from({ length: size }, (_, i) => ({
      timestamp: new Date(this.cursor + i * seconds * SECOND).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      length: seconds, workItemId: 1 + (i % 5), comment: `${key}#${i}`,
    }));
    this.cursor += size * seconds * SECOND;
    const write: KeyedWrite = size === 1
      ? { key, path: '/rest/workLogs', body: items[0]!, size, outcome: 'pending' }
      : { key, path: '/rest/workLogs/batch', body: items, size, outcome: 'pending' };
    this.writes.set(key, write);
    return write;
  }

  /** Batches of 500 waiting for their answer right now. */
  bigBatchesInFlight(): number {
    return [...this.writes.values()].filter((w) => w.outcome === 'pending' && w.size === 500).length;
  }
}

/** The key a stored worklog belongs to, read from its `key#i` comment. */
export const keyOfComment = (comment: string | null) => comment?.replace(/#\d+$/, '') ?? '';
