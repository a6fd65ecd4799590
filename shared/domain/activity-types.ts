import { conflict, notFound } from './errors.js';

export interface ActivityType {
  id: string;
  name: string;
  color: string;
  isDefault: boolean;
  /** Inactive types stay listed (worklogs keep their name) but cannot be chosen for new time. */
  isActive: boolean;
}

/** As written in the org document: documents from before deactivation lack `isActive`. */
export type StoredActivityType = Omit<ActivityType, 'isActive'> & { isActive?: boolean };

/** 7pace's "[Not Set]" pseudo-type: listed first, and meaning "no activity type" when sent. */
export const NOT_SET_ACTIVITY_TYPE_ID = '00000000-0000-0000-0000-000000000000';

/** The set every organization starts with. Ids are stable so scripts can name them. */
export const DEFAULT_ACTIVITY_TYPES: readonly ActivityType[] = [
  { id: 'development', name: 'Development', color: '#0078d4', isDefault: true, isActive: true },
  { id: 'meeting', name: 'Meeting', color: '#8764b8', isDefault: false, isActive: true },
  { id: 'testing', name: 'Testing', color: '#107c10', isDefault: false, isActive: true },
  { id: 'documentation', name: 'Documentation', color: '#ca5010', isDefault: false, isActive: true },
  { id: 'design', name: 'Design', color: '#e3008c', isDefault: false, isActive: true },
  { id: 'support', name: 'Support', color: '#5c2e91', isDefault: false, isActive: true },
];

export interface NewActivityType {
  name: string;
  color: string;
  isDefault?: boolean;
}
export type ActivityTypePatch = Partial<Pick<ActivityType, 'name' | 'color' | 'isDefault' | 'isActive'>>;

/** Old documents without `isActive` read as active. */
export const withActiveFlags = (stored: readonly StoredActivityType[]): ActivityType[] =>
  stored.map((type) => ({ ...type, isActive: type.isActive ?? true }));

/** The list with `type` added; a new default takes over from the old one. */
export function addActivityType(types: readonly ActivityType[], id: string, input: NewActivityType): ActivityType[] {
  const added: ActivityType = { id, name: input.name.trim(), color: input.color.toLowerCase(), isDefault: input.isDefault ?? false, isActive: true };
  assertNameFree(types, added.name);
  return checked(withSingleDefault([...types, added], added));
}

/** The list with type `id` changed: rename, recolor, make default, (de)activate. */
export function changeActivityType(types: readonly ActivityType[], id: string, patch: ActivityTypePatch): ActivityType[] {
  const current = types.find((type) => type.id === id);
  if (!current) throw notFound(`activity type ${id}`);
  const changed: ActivityType = {
    ...current,
    ...(patch.name !== undefined && { name: patch.name.trim() }),
    ...(patch.color !== undefined && { color: patch.color.toLowerCase() }),
    ...(patch.isDefault !== undefined && { isDefault: patch.isDefault }),
    ...(patch.isActive !== undefined && { isActive: patch.isActive }),
  };
  if (changed.name.toLowerCase() !== current.name.toLowerCase()) assertNameFree(types, changed.name, id);
  if (current.isDefault && !changed.isActive) {
    throw conflict('activity_type.default_inactive', `${current.name} is the default activity type and cannot be deactivated; make another type the default first`);
  }
  if (current.isDefault && !changed.isDefault) {
    throw conflict('activity_type.default_required', `${current.name} is the default activity type; make another type the default instead`);
  }
  return checked(withSingleDefault(types.map((type) => (type.id === id ? changed : type)), changed));
}

/** DELETE deactivates: worklogs that name the type keep their name and color. */
export const deactivateActivityType = (types: readonly ActivityType[], id: string) => changeActivityType(types, id, { isActive: false });

function assertNameFree(types: readonly ActivityType[], name: string, exceptId?: string) {
  const clash = types.find((type) => type.id !== exceptId && type.name.toLowerCase() === name.toLowerCase());
  if (clash) throw conflict('activity_type.duplicate_name', `an activity type named "${clash.name}" already exists`);
}

function withSingleDefault(types: ActivityType[], changed: ActivityType): ActivityType[] {
  if (!changed.isDefault) return types;
  return types.map((type) => (type.id === changed.id ? type : { ...type, isDefault: false }));
}

/** Exactly one default, and it is active (hence at least one active type). */
function checked(types: ActivityType[]): ActivityType[] {
  const defaults = types.filter((type) => type.isDefault);
  if (defaults.some((type) => !type.isActive)) {
    throw conflict('activity_type.default_inactive', 'the default activity type must be active');
  }
  if (defaults.length !== 1) throw conflict('activity_type.default_required', 'exactly one activity type must be the default');
  return types;
}
