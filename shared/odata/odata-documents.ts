import { COMPLEX_TYPES, MODELS_NAMESPACE, setsOf, type Property } from './odata-model.js';
import { BUDGET_ASSIGNMENT_MEMBERS, ENUM_NAMESPACE } from './work-item-model.js';

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function propertyXml(property: Property): string {
  const type = 'complexType' in property ? `${MODELS_NAMESPACE}.${property.complexType}` : property.type;
  return `        <Property Name="${property.name}" Type="${type}"${property.nullable ? '' : ' Nullable="false"'} />`;
}

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
    [`      <EntityType Name="${entity.name}">`, '        <Key>', `          <PropertyRef Name="${entity.key ?? 'Id'}" />`, '        </Key>', ...entity.properties.map(propertyXml), '      </EntityType>'].join('\n'));
  const sets = served.map(([name, set]) => `        <EntitySet Name="${name}" EntityType="${MODELS_NAMESPACE}.${set.type.name}" />`);
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
