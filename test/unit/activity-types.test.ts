import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACTIVITY_TYPES, addActivityType, changeActivityType, deactivateActivityType, withActiveFlags,
} from '../../shared/domain/activity-types.js';
import { AppError } from '../../shared/domain/errors.js';

const types = [...DEFAULT_ACTIVITY_TYPES];
const defaultNames = (list: { name: string; isDefault: boolean }[]) => list.filter((t) => t.isDefault).map((t) => t.name);
const codeOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'no error';
};

describe('activity type rules', () => {
  it('reads types from older documents as active', () => {
    expect(withActiveFlags([{ id: 'a', name: 'A', color: '#000000', isDefault: true }])[0]?.isActive).toBe(true);
    expect(withActiveFlags([{ id: 'a', name: 'A', color: '#000000', isDefault: true, isActive: false }])[0]?.isActive).toBe(false);
  });

  it('adds a type with a trimmed name and a lower-case color', () => {
    const added = addActivityType(types, 'x1', { name: '  Review ', color: '#ABCDEF' });
    expect(added.at(-1)).toEqual({ id: 'x1', name: 'Review', color: '#abcdef', isDefault: false, isActive: true });
  });

  it('refuses a name already taken, whatever its case, and names the clash', () => {
    expect(codeOf(() => addActivityType(types, 'x1', { name: 'meeting', color: '#000000' }))).toBe('409 activity_type.duplicate_name');
    expect(codeOf(() => changeActivityType(types, 'testing', { name: 'DESIGN' }))).toBe('409 activity_type.duplicate_name');
    expect(changeActivityType(types, 'testing', { name: 'TESTING' }).find((t) => t.id === 'testing')?.name).toBe('TESTING');
  });

  it('moves the default to a new default type', () => {
    expect(defaultNames(addActivityType(types, 'x1', { name: 'Ops', color: '#000000', isDefault: true }))).toEqual(['Ops']);
    expect(defaultNames(changeActivityType(types, 'meeting', { isDefault: true }))).toEqual(['Meeting']);
  });

  it('keeps the default active and in place', () => {
    expect(codeOf(() => deactivateActivityType(types, 'development'))).toBe('409 activity_type.default_inactive');
    expect(codeOf(() => changeActivityType(types, 'development', { isDefault: false }))).toBe('409 activity_type.default_required');
    const retired = deactivateActivityType(types, 'meeting');
    expect(codeOf(() => changeActivityType(retired, 'meeting', { isDefault: true }))).toBe('409 activity_type.default_inactive');
    expect(defaultNames(changeActivityType(retired, 'meeting', { isDefault: true, isActive: true }))).toEqual(['Meeting']);
  });

  it('deactivates instead of deleting', () => {
    const retired = deactivateActivityType(types, 'meeting');
    expect(retired).toHaveLength(types.length);
    expect(retired.find((t) => t.id === 'meeting')).toMatchObject({ name: 'Meeting', isActive: false });
  });

  it('answers 404 for an unknown id', () => {
    expect(codeOf(() => changeActivityType(types, 'nope', { name: 'X' }))).toBe('404 not_found');
  });
});
