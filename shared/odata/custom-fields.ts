import { badRequest } from '../domain/errors.js';
import { FIELD_REFERENCE_NAME, type FieldValue, type WorkItemDetails, type WorkItemFieldDefinition } from '../ports/devops-directory.js';
import type { Row } from './odata-rows.js';
import { MAX_CUSTOM_FIELDS, customFieldName, rollupValueName, type CustomFieldKind } from './work-item-model.js';

/** A field named in customFields or rollupFields: its reference name as the org spells it, and the property it fills. */
export interface FieldSlot {
  referenceName: string;
  property: string;
  kind: CustomFieldKind;
}

/** 7pace's two options, checked against the org's fields. */
export interface RequestedFields {
  custom: FieldSlot[];
  rollup: FieldSlot[];
}

const NUMERIC_TYPES = new Set(['integer', 'double', 'picklistinteger', 'picklistdouble']);

const kindOf = (type: string): CustomFieldKind =>
  NUMERIC_TYPES.has(type.toLowerCase()) ? 'Numeric' : type.toLowerCase() === 'boolean' ? 'Boolean' : 'String';

/** The names of an option (`A.B,C.D`), checked for syntax and count; 400 naming what is wrong. */
export function fieldNames(option: 'customFields' | 'rollupFields', text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return [];
  const names = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const bad = names.find((name) => !FIELD_REFERENCE_NAME.test(name));
  if (bad !== undefined) {
    throw badRequest('odata.invalid_field', `${option}: "${bad.slice(0, 80)}" is no field reference name; write them as Custom.CostCenter,Microsoft.VSTS.Scheduling.Effort`);
  }
  if (names.length > MAX_CUSTOM_FIELDS) {
    throw badRequest('odata.too_many_fields', `${option}: ${names.length} fields named; at most ${MAX_CUSTOM_FIELDS} (the n-th fills the property numbered n)`);
  }
  return names;
}

/** A name as the org spells it: matched ignoring case, `_` standing for `.` as in 7pace's property names. */
function definitionOf(option: string, name: string, definitions: readonly WorkItemFieldDefinition[]): WorkItemFieldDefinition {
  const wanted = name.toLowerCase();
  const found = definitions.find((d) => d.referenceName.toLowerCase() === wanted)
    ?? definitions.find((d) => d.referenceName.replace(/\./g, '_').toLowerCase() === wanted);
  if (!found) throw badRequest('odata.unknown_field', `${option}: the organization has no work item field ${name} (use the field's reference name, as Organization settings › Process shows it)`);
  return found;
}

/**
 * customFields: the n-th field fills Custom<String|Numeric|Boolean>Field<n> by its type, as
 * 7pace numbers them (ProjectCode,Custom.Finance,AdditionalField.Order → CustomStringField1,
 * CustomStringField2, CustomNumericField3). rollupFields: the n-th fills RollupValue<n>, numeric fields only.
 */
export function resolveFields(names: { custom: string[]; rollup: string[] }, definitions: readonly WorkItemFieldDefinition[]): RequestedFields {
  const custom = names.custom.map((name, i) => {
    const found = definitionOf('customFields', name, definitions);
    const kind = kindOf(found.type);
    return { referenceName: found.referenceName, property: customFieldName(kind, i + 1), kind };
  });
  const rollup = names.rollup.map((name, i) => {
    const found = definitionOf('rollupFields', name, definitions);
    if (kindOf(found.type) !== 'Numeric') throw badRequest('odata.invalid_field', `rollupFields: ${found.referenceName} is a ${found.type} field; only numeric fields roll up`);
    return { referenceName: found.referenceName, property: rollupValueName(i + 1), kind: 'Numeric' as const };
  });
  return { custom, rollup };
}

/** The reference names to read with the items. */
export const referenceNames = (fields: RequestedFields) => [...new Set([...fields.custom, ...fields.rollup].map((slot) => slot.referenceName))];

/** A value in the slot's type: text as is (other values as text), numbers and flags only when they are. */
export function slotValue(kind: CustomFieldKind, value: FieldValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (kind === 'String') return String(value);
  if (kind === 'Numeric') return typeof value === 'number' ? value : null;
  return typeof value === 'boolean' ? value : null;
}

/** A number a field holds, for sums (none counts as 0). */
export const numberOf = (item: WorkItemDetails, referenceName: string) => {
  const value = item.fields?.[referenceName];
  return typeof value === 'number' ? value : 0;
};

/** The custom properties of a row: every slot null, those named filled from the item. */
export function customFieldValues(item: WorkItemDetails, slots: readonly FieldSlot[], empty: Row): Row {
  const row: Row = { ...empty };
  for (const slot of slots) row[slot.property] = slotValue(slot.kind, item.fields?.[slot.referenceName]);
  return row;
}
