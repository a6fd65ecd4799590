import { declaredNavigations, type NavigationProperty } from './expand-model.js';
import { COMPLEX_TYPES, MODELS_NAMESPACE, setsOf, type EntityType, type Property } from './odata-model.js';
import { BUDGET_ASSIGNMENT_MEMBERS, ENUM_NAMESPACE } from './work-item-model.js';

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function propertyXml(property: Property): string {
  const type = 'complexType' in property ? `${MODELS_NAMESPACE}.${property.complexType}` : property.type;
  return `        <Property Name="${property.name}" Type="${type}"${property.nullable ? '' : ' Nullable="false"'} />`;
}

function navigationXml(navigation: NavigationProperty): string {
  const target = `${MODELS_NAMESPACE}.${navigation.target.name}`;
  const type = navigation.collection ? `Collection(${target})` : target;
  return `        <NavigationProperty Name="${navigation.name}" Type="${type}"${navigation.partner ? ` Partner="${navigation.partner}"` : ''} />`;
}

/** Where each navigation property of a set leads, so that clients know the related entities' set. */
const bindingsXml = (type: EntityType, version: string) =>
  declaredNavigations(type, version).map((nav) => `          <NavigationPropertyBinding Path="${nav.name}" Target="${nav.targetSet}" />`);

/**
 * The service's CSDL (OData 4.0 EDMX), in 7pace's namespaces and names, so that clients
 * generated from 7pace's `$metadata` and Power BI models built on it line up.
 */
export function metadataXml(version: string): string {
  const served = setsOf(version);
  const complex = Object.entries(COMPLEX_TYPES).map(([name, properties]) =>
    [`      <ComplexType Name="${name}">`, ...properties.map(propertyXml), '      </ComplexType>'].join('\n'));
  const types = [...new Set(served.map(([, set]) => set.type))];
  const entities = types.map((entity) =>
    [`      <EntityType Name="${entity.name}">`, '        <Key>', `          <PropertyRef Name="${entity.key ?? 'Id'}" />`, '        </Key>', ...entity.properties.map(propertyXml), ...declaredNavigations(entity, version).map(navigationXml), '      </EntityType>'].join('\n'));
  const sets = served.map(([name, set]) => {
    const bindings = bindingsXml(set.type, version);
    const open = `        <EntitySet Name="${name}" EntityType="${MODELS_NAMESPACE}.${set.type.name}"`;
    return bindings.length ? [`${open}>`, ...bindings, '        </EntitySet>'].join('\n') : `${open} />`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    '  <edmx:DataServices>',
    `    <Schema Namespace="${attribute(MODELS_NAMESPACE)}" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
    ...complex,
    ...entities,
    '    </Schema>',
    `    <Schema Namespace="${ENUM_NAMESPACE}" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
    '      <EnumType Name="BudgetAssignmentType">',
    ...Object.entries(BUDGET_ASSIGNMENT_MEMBERS).map(([name, value]) => `        <Member Name="${name}" Value="${value}" />`),
    '      </EnumType>',
    '    </Schema>',
    '    <Schema Namespace="Default" xmlns="http://docs.oasis-open.org/odata/ns/edm">',
    '      <EntityContainer Name="Container">',
    ...sets,
    '      </EntityContainer>',
    '    </Schema>',
    '  </edmx:DataServices>',
    '</edmx:Edmx>',
    '',
  ].join('\n');
}

/** The service document: where Excel and Power BI start, listing the entity sets. */
export function serviceDocument(root: string, version: string) {
  return {
    '@odata.context': `${root}/$metadata`,
    value: setsOf(version).map(([name]) => ({ name, kind: 'EntitySet', url: name })),
  };
}
