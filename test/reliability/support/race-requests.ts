import { aWorklog, at, consecutiveWorklogs, SECOND, type NewWorklog } from '../../support/worklog-builder.js';
import type { Device, Reply } from './keep-alive-client.js';
import type { RaceKind, RaceLedger, RaceReply } from './race-ledger.js';

/** A keyed create as first sent, and every answer any device got for its key. */
export interface KeyedRequest {
  key: string;
  path: string;
  body: NewWorklog | NewWorklog[];
  answers: Reply[];
}

/**
 * Random requests from several devices of one user. Unkeyed writes land near "now" and
 * fight over it with start and stop, so refusals (409) are expected. Keyed writes each
 * get a slot of their own in the past: nothing may refuse them, so every answer to a key
 * must be the same 201. Some keyed batches hold more than 100 items.
 */
export class RaceRequests {
  readonly keyed = new Map<string, KeyedRequest>();
  private cursor: number;
  private keys = 0;

  constructor(private readonly random: () => number, private readonly now: () => Date, firstKeyedSlot: string) {
    this.cursor = Date.parse(firstKeyedSlot);
  }

  /** One round: each device sends one to three random requests, all at once. */
  round(devices: readonly Device[], ledger: RaceLedger): Promise<RaceReply[]> {
    const claimed = new Set<string>();
    const sends = devices.flatMap((device) => Array.from({ length: 1 + this.pick(3) }, () => this.request(device, devices, ledger, claimed)));
    return Promise.all(sends).then((replies) => replies.flat());
  }

  private request(device: Device, devices: readonly Device[], ledger: RaceLedger, claimed: Set<string>): Promise<RaceReply[]> {
    const kinds: RaceKind[] = ['start', 'stop', 'add', 'add', 'batch', 'keyed add', 'keyed add', 'keyed batch', 'late retry', 'patch', 'patch', 'delete'];
    const kind = kinds[this.pick(kinds.length)]!;
    const near = () => at(this.now(), (this.pick(9) - 5) * 5 * SECOND);
    const one = (reply: Promise<Reply>, target?: string) => reply.then((r) => [{ kind, reply: r, target }]);
    switch (kind) {
      case 'start': return one(device.call('POST', '/tracking/client/startTracking', { workItemId: 1 + this.pick(5) }));
      case 'stop': return one(device.call('POST', '/tracking/client/stopTracking'));
      case 'add': return one(device.call('POST', '/rest/workLogs', aWorklog({ timestamp: near(), length: 5 + this.pick(4) * 5 })));
      case 'batch': return one(device.call('POST', '/rest/workLogs/batch', consecutiveWorklogs(2 + this.pick(3), near(), 5)));
      case 'keyed add': return this.sendKeyed(kind, devices, '/rest/workLogs', this.slot(1, 300)[0]!);
      case 'keyed batch': return this.sendKeyed(kind, devices, '/rest/workLogs/batch', this.slot(this.random() < 0.4 ? 101 + this.pick(60) : 2 + this.pick(10), 60));
      case 'late retry': {
        const earlier = [...this.keyed.values()][this.pick(this.keyed.size)];
        if (!earlier) return Promise.resolve([]);
        return device.call('POST', earlier.path, earlier.body, { 'Idempotency-Key': earlier.key }).then((reply) => {
          earlier.answers.push(reply);
          return [{ kind, reply }];
        });
      }
      case 'patch':
      case 'delete': {
        // One change per worklog and round (two racing patches would leave no way to tell which won); a delete may race it.
        const candidates = ledger.live().filter((id) => kind === 'delete' || !claimed.has(id));
        const target = candidates[this.pick(candidates.length)];
        if (!target) return Promise.resolve([]);
        if (kind === 'delete') return one(device.call('DELETE', `/rest/workLogs/${target}`), target);
        claimed.add(target);
        const patch = [{ comment: `changed ${this.pick(1000)}` }, { length: 5 }, { length: 40 + this.pick(40) }][this.pick(3)];
        return one(device.call('PATCH', `/rest/workLogs/${target}`, patch), target);
      }
    }
  }

  /** The same keyed request from two or three devices at once, as a client retrying on another connection would. */
  private sendKeyed(kind: RaceKind, devices: readonly Device[], path: string, body: NewWorklog | NewWorklog[]): Promise<RaceReply[]> {
    const request: KeyedRequest = { key: `race-${++this.keys}`, path, body, answers: [] };
    this.keyed.set(request.key, request);
    const senders = [...devices].sort(() => this.random() - 0.5).slice(0, 2 + this.pick(2));
    return Promise.all(senders.map((d) => d.call('POST', path, body, { 'Idempotency-Key': request.key }))).then((replies) => {
      request.answers.push(...replies);
      return replies.map((reply) => ({ kind, reply }));
    });
  }

  /** `count` back-to-back worklogs of `seconds` each in a part of the past no other request touches. */
  private slot(count: number, seconds: number): NewWorklog[] {
    const start = at(new Date(this.cursor));
    this.cursor += count * seconds * SECOND;
    return consecutiveWorklogs(count, start, seconds, { workItemId: 1 + this.pick(5) });
  }

  private pick(n: number) {
    return Math.floor(this.random() * n);
  }
}
