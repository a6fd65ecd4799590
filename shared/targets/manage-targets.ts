import type { NewTargetInput, TargetListQuery, TargetPatchInput, TargetView } from '../contracts/targets.js';
import { forbidden } from '../domain/errors.js';
import { addTarget, changeTarget, type Target } from '../domain/targets.js';
import { isAdmin, type Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { changeTargets, targetsOf } from './org-targets.js';

export const targetView = (target: Target): TargetView => ({
  id: target.id, name: target.name, color: target.color, isBillable: target.isBillable, isActive: target.isActive,
});

const withId = (targets: readonly Target[], id: string) => targetView(targets.find((target) => target.id === id)!);

/** The targets one may track on; Administrators may ask for the deactivated ones too. */
export async function listTargets(ports: Pick<Ports, 'store'>, caller: Caller, query: TargetListQuery) {
  if (query.includeInactive && !isAdmin(caller)) throw forbidden('only Administrators see deactivated targets');
  const targets = await targetsOf(ports.store, caller.orgId);
  return targets.filter((target) => query.includeInactive || target.isActive).map(targetView);
}

export async function createTarget(ports: Pick<Ports, 'store' | 'newId'>, caller: Caller, input: NewTargetInput) {
  const id = ports.newId();
  return withId(await changeTargets(ports.store, caller.orgId, (targets) => addTarget(targets, id, input)), id);
}

export async function updateTarget(ports: Pick<Ports, 'store'>, caller: Caller, id: string, patch: TargetPatchInput) {
  return withId(await changeTargets(ports.store, caller.orgId, (targets) => changeTarget(targets, id, patch)), id);
}

/** Deactivates rather than deletes: worklogs on the target keep its name and colour. */
export async function deactivateTarget(ports: Pick<Ports, 'store'>, caller: Caller, id: string) {
  return withId(await changeTargets(ports.store, caller.orgId, (targets) => changeTarget(targets, id, { isActive: false })), id);
}
