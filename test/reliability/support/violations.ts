import type { RefusalReason } from './fuzz-cases.js';
import type { Outcome } from './fuzz-runner.js';
import { errorEnvelope } from './raw-http.js';

export type ViolationKind = '5xx' | 'envelope' | 'names' | 'status' | 'changed' | 'accepted invalid' | `accepted: ${RefusalReason}`;

export interface Violation {
  kind: ViolationKind;
  line: string;
}

export const isRefusal = (status: number) => status >= 400;

/** Everything one answer got wrong, each as a line that says what was sent and what came back. */
export function violationsOf(outcome: Outcome): Violation[] {
  const { fuzzCase: c, status } = outcome;
  const shown = c.target.length > 160 ? `${c.target.slice(0, 160)}…` : c.target;
  const line = (what: string) => `${c.route} ${c.label} (${c.method} /api${shown} as ${outcome.caller ?? 'nobody'}) → ${status}: ${what}`;
  const out: Violation[] = [];
  const add = (kind: ViolationKind, what: string) => out.push({ kind, line: line(what) });
  const snippet = outcome.text.slice(0, 300);
  if (status >= 500) add('5xx', snippet);
  else if (status < 200 || (status >= 300 && status < 400)) add('status', `neither a success nor a refusal: ${snippet}`);
  if (c.statuses && !c.statuses.includes(status)) add('status', `expected ${c.statuses.join(' or ')}: ${snippet}`);
  if (!isRefusal(status)) {
    if (c.verdict.kind !== 'valid') add('accepted invalid', `its schema says ${c.verdict.kind === 'invalid' ? c.verdict.names : 'no such route'}`);
    else if (c.mustRefuse) add(`accepted: ${c.mustRefuse}`, snippet);
    return out;
  }
  const envelope = errorEnvelope(outcome.json);
  if (!envelope) add('envelope', `not { error: { code, message } }: ${snippet || '(empty body)'}`);
  const names = c.names && c.statuses?.includes(status) ? c.names : status === 400 && c.verdict.kind === 'invalid' ? c.verdict.names : undefined;
  if (envelope && names && !envelope.message.includes(names)) add('names', `the message does not name ${names}: ${envelope.message.slice(0, 300)}`);
  if (outcome.changed.length) add('changed', `refused, yet the store changed: ${outcome.changed.slice(0, 5).join(', ')}`);
  return out;
}
