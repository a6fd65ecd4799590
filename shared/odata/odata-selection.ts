import { NOT_SET_ACTIVITY_TYPE_ID } from '../domain/activity-types.js';
import { isoSeconds } from '../domain/time.js';
import { selectionQuery, usersInReach, type WorklogSelection } from '../explorer/explorer-selection.js';
import type { Caller } from '../identity/caller.js';
import type { Condition, Query } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { assertMayReadTimeOf } from '../roles/time-access.js';
import { settleReadUsers } from '../worklogs/settle-readers.js';
import { conjuncts, type Expression, type Literal, type Operand } from './odata-expression.js';

/** A wall clock is at most 14 hours from UTC: a local bound widened by that holds every instant it can mean. */
const WIDEST_OFFSET_MS = 14 * 3_600_000;

const pathOf = (o: Operand) => (o.kind === 'property' ? o.path.join('/') : undefined);

/** `Path eq literal`, `Path in (...)`: the literals a top-level term allows for a path. */
function allowed(term: Expression, path: string): Literal[] | undefined {
  if (term.kind === 'in' && pathOf(term.operand) === path) return term.values;
  if (term.kind !== 'compare' || term.op !== 'eq') return undefined;
  if (pathOf(term.left) === path && term.right.kind === 'literal') return [term.right];
  if (pathOf(term.right) === path && term.left.kind === 'literal') return [term.left];
  return undefined;
}

/** The values every `eq`/`in` term on a path allows (their intersection), or undefined without such terms. */
export function allowedValues<T>(terms: readonly Expression[], path: string, pick: (l: Literal) => T | undefined): T[] | undefined {
  let values: T[] | undefined;
  for (const term of terms) {
    const literals = allowed(term, path);
    if (!literals) continue;
    const picked = literals.map(pick);
    if (picked.some((v) => v === undefined)) continue;
    const these = picked as T[];
    values = values ? values.filter((v) => these.includes(v)) : these;
  }
  return values;
}

/** `IsBillable`, `not IsBillable`, `IsBillable eq true`: the value a term pins a flag to. */
function flag(terms: readonly Expression[], path: string): boolean | undefined {
  for (const term of terms) {
    if (term.kind === 'test' && pathOf(term.operand) === path) return true;
    if (term.kind === 'not' && term.operand.kind === 'test' && pathOf(term.operand.operand) === path) return false;
    const [value] = allowed(term, path) ?? [];
    if (value?.type === 'boolean') return value.value;
  }
  return undefined;
}

/** Store bounds on the start implied by the Timestamp terms (a superset: the terms are checked again per row). */
function timeBounds(terms: readonly Expression[]): Condition[] {
  const bounds: Condition[] = [];
  for (const term of terms) {
    if (term.kind !== 'compare' || pathOf(term.left) !== 'Timestamp' || term.right.kind !== 'literal') continue;
    const literal = term.right;
    const [ms, slack] = literal.type === 'instant' ? [literal.value, 0] : literal.type === 'local' ? [Date.parse(`${literal.value}Z`), WIDEST_OFFSET_MS] : [Number.NaN, 0];
    if (!Number.isFinite(ms)) continue;
    if (term.op === 'ge' || term.op === 'gt') bounds.push({ field: 'timestamp', op: '>=', value: isoSeconds(new Date(Math.floor((ms - slack) / 1000) * 1000)) });
    if (term.op === 'le' || term.op === 'lt') bounds.push({ field: 'timestamp', op: '<=', value: isoSeconds(new Date(Math.ceil((ms + slack) / 1000) * 1000)) });
  }
  return bounds;
}

const guid = (l: Literal) => (l.type === 'guid' ? l.value : undefined);
const integer = (l: Literal) => (l.type === 'number' && Number.isInteger(l.value) ? l.value : undefined);

/**
 * Where a feed's worklogs are read: the users the caller's role reaches (403 for a named
 * user outside it), narrowed by what the filter's top-level terms pin (users, work items,
 * activity types, flags, start times), so that a page reads an index range rather than
 * the org. The whole filter is still checked on every row read.
 */
export async function feedSelection(ports: Pick<Ports, 'store'>, caller: Caller, filter: Expression | undefined, onlyMe: boolean) {
  const terms = conjuncts(filter);
  let requested = allowedValues(terms, 'UserId', guid);
  // A named user outside the caller's reach is 403, one of no user of this org 404, as on every read of time.
  for (const userId of new Set(requested)) await assertMayReadTimeOf(ports, caller, userId);
  if (onlyMe) requested = (requested ?? [caller.user.id]).filter((id) => id === caller.user.id);
  const userIds = requested?.length === 0 ? [] : await usersInReach(ports, caller, requested);
  const activityTypeIds = allowedValues(terms, 'ActivityTypeId', guid);
  const selection: WorklogSelection = {
    userIds,
    workItemIds: allowedValues(terms, 'WorkItemId', integer),
    // The "[Not Set]" id stands for no type (null in the store): left to the row check.
    activityTypeIds: activityTypeIds?.includes(NOT_SET_ACTIVITY_TYPE_ID) ? undefined : activityTypeIds,
    billable: flag(terms, 'IsBillable'),
    tracked: flag(terms, 'IsTracked'),
    edited: flag(terms, 'IsChanged'),
  };
  await settleReadUsers(ports.store, caller.orgId, userIds);
  const query: Pick<Query, 'partition' | 'where'> = selectionQuery(caller.orgId, selection);
  return { query: { ...query, where: [...(query.where ?? []), ...timeBounds(terms)] }, userIds: userIds && [...userIds], empty: userIds?.length === 0 };
}
