import type { AnyRoute } from '../../../shared/http/route.js';
import type { DraftCase } from './fuzz-cases.js';
import type { FuzzWorld, Identity } from './fuzz-world.js';
import { errorEnvelope, rawClient } from './raw-http.js';
import { schemaOracle, type Verdict } from './schema-oracle.js';
import type { Random } from './seeded-random.js';
import { openStoreSnapshots, snapshotDiff } from './store-snapshot.js';

export interface FuzzCase extends DraftCase {
  verdict: Verdict;
}

/** What one request answered, and which stored rows it changed. */
export interface Outcome {
  fuzzCase: FuzzCase;
  caller?: string;
  status: number;
  json: unknown;
  text: string;
  changed: string[];
}

/** Each draft with the route table's own verdict on its input. */
export function judgedCases(routes: readonly AnyRoute[], drafts: readonly DraftCase[]): FuzzCase[] {
  const oracle = schemaOracle(routes);
  return drafts.map((draft) => ({ ...draft, verdict: oracle(draft.method, draft.target, draft.body) }));
}

/**
 * Sends the cases one by one in a seeded order, as a seeded pick of the identities allowed
 * to send each, and compares every stored row before and after each refused request.
 */
export async function runFuzz(world: FuzzWorld, cases: readonly FuzzCase[], random: Random): Promise<Outcome[]> {
  const http = rawClient(world.api.url);
  const snapshots = openStoreSnapshots(world.storeFile);
  const outcomes: Outcome[] = [];
  try {
    let before = snapshots.take();
    for (const fuzzCase of random.shuffle(cases)) {
      const identity = pickIdentity(world.identities, fuzzCase, random);
      const headers: Record<string, string> = {
        ...(identity ? { authorization: `Bearer ${identity.token}` } : {}),
        ...(fuzzCase.contentType === null ? {} : { 'content-type': fuzzCase.contentType ?? 'application/json' }),
      };
      const res = await http.send(fuzzCase.method, fuzzCase.target, headers, fuzzCase.body);
      const after = snapshots.take();
      const changed = snapshotDiff(before, after);
      outcomes.push({ fuzzCase, caller: identity?.label, status: res.status, json: res.json, text: res.text, changed });
      before = after;
      // An accepted uninstall would leave the rest of the run answering 403 for that org.
      if (identity && errorEnvelope(res.json)?.code === 'org.uninstalled') {
        await world.reinstall(identity.org);
        before = snapshots.take();
      }
    }
  } finally {
    snapshots.close();
    http.close();
  }
  return outcomes;
}

function pickIdentity(identities: readonly Identity[], fuzzCase: DraftCase, random: Random): Identity | undefined {
  if (fuzzCase.caller === 'none') return undefined;
  const candidates = identities.filter(
    (who) => (!fuzzCase.org || who.org === fuzzCase.org) && (fuzzCase.caller === 'any' || who.role === fuzzCase.caller),
  );
  return random.pick(candidates);
}
