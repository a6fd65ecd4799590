import { NOT_SET_ACTIVITY_TYPE_ID, type ActivityType } from '../domain/activity-types.js';

/** 7pace's "[Not Set]" pseudo-type: first in the list, and the system default when none is set. */
export const NOT_SET_ACTIVITY_TYPE = { id: NOT_SET_ACTIVITY_TYPE_ID, name: '[Not Set]', color: 'ffffff' };

/** An activity type as 7pace sends it: the colour as six hex digits without `#`. */
export const sevenPaceActivityType = (type: Pick<ActivityType, 'id' | 'name' | 'color'>) => ({
  id: type.id, name: type.name, color: type.color.replace(/^#/, '').toLowerCase(),
});

/** One type with Timehub's `isDefault` and `isActive` beside 7pace's fields. */
export const activityTypeView = (type: ActivityType) => ({ ...sevenPaceActivityType(type), isDefault: type.isDefault, isActive: type.isActive });
export type ActivityTypeView = ReturnType<typeof activityTypeView>;

/**
 * 7pace's `activityTypes` envelope. Each type also carries Timehub's `isDefault` and
 * `isActive`, which its settings page reads; 7pace clients ignore them.
 */
export function activityTypeList(types: readonly ActivityType[]) {
  const systemDefault = types.find((type) => type.isDefault);
  return {
    enabled: true,
    activityTypes: [
      { ...NOT_SET_ACTIVITY_TYPE, isDefault: !systemDefault, isActive: true },
      ...types.map(activityTypeView),
    ],
    systemDefaultActivityTypeId: systemDefault?.id ?? NOT_SET_ACTIVITY_TYPE_ID,
  };
}

export type ActivityTypeList = ReturnType<typeof activityTypeList>;

/** `activityTypes/{id}`: the type, "[Not Set]" under the all-zero id; undefined when unknown. */
export function findActivityType(types: readonly ActivityType[], id: string): ActivityTypeView | undefined {
  return activityTypeList(types).activityTypes.find((type) => type.id.toLowerCase() === id.toLowerCase());
}
