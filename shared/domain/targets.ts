import { conflict, notFound } from './errors.js';

/**
 * Internal target: time that belongs to no work item (vacation, sick leave, meetings,
 * training, support). A worklog names a work item or a target, never both.
 */
export interface Target {
  id: string;
  name: string;
  color: string;
  /** Whether time on it is billable unless the worklog or tracker says otherwise. */
  isBillable: boolean;
  /** Inactive targets stay listed (worklogs keep their name) but take no new time. */
  isActive: boolean;
}

/** What every organization starts with; ids are stable so scripts can name them. */
export const DEFAULT_TARGETS: readonly Target[] = [
  { id: 'vacation', name: 'Vacation', color: '#00b7c3', isBillable: false, isActive: true },
  { id: 'sick-leave', name: 'Sick leave', color: '#e81123', isBillable: false, isActive: true },
  { id: 'meetings', name: 'Meetings', color: '#8764b8', isBillable: false, isActive: true },
  { id: 'training', name: 'Training', color: '#107c10', isBillable: false, isActive: true },
  { id: 'support', name: 'Support', color: '#ca5010', isBillable: true, isActive: true },
];

export interface NewTarget {
  name: string;
  color: string;
  isBillable?: boolean;
}
export type TargetPatch = Partial<Pick<Target, 'name' | 'color' | 'isBillable' | 'isActive'>>;

/** The list with a new, active target. */
export function addTarget(targets: readonly Target[], id: string, input: NewTarget): Target[] {
  const added: Target = { id, name: input.name.trim(), color: input.color.toLowerCase(), isBillable: input.isBillable ?? false, isActive: true };
  assertNameFree(targets, added.name);
  return [...targets, added];
}

/** The list with target `id` renamed, recoloured, its billable default or its activity changed. */
export function changeTarget(targets: readonly Target[], id: string, patch: TargetPatch): Target[] {
  const current = targets.find((target) => target.id === id);
  if (!current) throw notFound(`target ${id}`);
  const changed: Target = {
    ...current,
    ...(patch.name !== undefined && { name: patch.name.trim() }),
    ...(patch.color !== undefined && { color: patch.color.toLowerCase() }),
    ...(patch.isBillable !== undefined && { isBillable: patch.isBillable }),
    ...(patch.isActive !== undefined && { isActive: patch.isActive }),
  };
  if (changed.name.toLowerCase() !== current.name.toLowerCase()) assertNameFree(targets, changed.name, id);
  return targets.map((target) => (target.id === id ? changed : target));
}

/** Whether new time on `targetId` is billable when nobody says: its target's default. */
export const billableByDefault = (targets: readonly Target[], targetId: string | null) =>
  targetId === null || (targets.find((target) => target.id === targetId)?.isBillable ?? true);

function assertNameFree(targets: readonly Target[], name: string, exceptId?: string) {
  const clash = targets.find((target) => target.id !== exceptId && target.name.toLowerCase() === name.toLowerCase());
  if (clash) throw conflict('target.duplicate_name', `a target named "${clash.name}" already exists`);
}
