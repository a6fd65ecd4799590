import type { BicepValue } from './bicep-parse.js';
import { entry, literal, textOf, type InfraModel, type Located, type Resolved } from './infra-model.js';

/** The function app's settings, found where the site's appsettings config gets them, each resolved. */
export function appSettings(model: InfraModel): Map<string, Resolved> {
  const settings = new Map<string, Resolved>();
  const raw = rawAppSettings(model);
  if (raw?.value.kind !== 'object') return settings;
  for (const [name, value] of raw.value.entries) settings.set(name, model.resolve(raw.file, value) ?? { value, file: raw.file });
  return settings;
}

/** The app settings object as written, before names in its values are resolved. */
export function rawAppSettings(model: InfraModel): Resolved | undefined {
  const config = model.resources('Microsoft.Web/sites/config').find(({ declaration }) => literal(entry(declaration.value, 'name')) === 'appsettings');
  return config && model.resolve(config.file, entry(config.declaration.value, 'properties'));
}

export function rawAppSetting(model: InfraModel, name: string): BicepValue | undefined {
  return entry(rawAppSettings(model)?.value, name);
}

/** The user-assigned identity the app runs as: its file, resource name, and module name in main.bicep. */
export function appIdentity(model: InfraModel): { file: string; resource: string; module?: string } | undefined {
  const found = model.resources('Microsoft.ManagedIdentity/userAssignedIdentities')[0];
  if (!found) return undefined;
  return { file: found.file, resource: found.declaration.name, module: model.callersOf(found.file)[0]?.declaration.name };
}

/** A string with its ${name} parts replaced by what they resolve to, where that is a literal. */
export function expand(model: InfraModel, file: string, value: BicepValue | undefined, depth = 0): string {
  const resolved = model.resolve(file, value);
  if (!resolved) return '';
  if (resolved.value.kind !== 'string' || !resolved.value.interpolated || depth > 10) return textOf(resolved.value);
  return resolved.value.value.replace(/\$\{([^}]+)\}/g, (whole, inner: string) => {
    const part = expand(model, resolved.file, { kind: 'expression', text: inner.trim() }, depth + 1);
    return part === inner.trim() ? whole : part;
  });
}

/** The names a resource declaration creates: one, or one per item of its `[for ...]` loop. */
export function namesOf(model: InfraModel, { file, declaration }: Located): string[] {
  const value = declaration.value;
  if (value?.kind === 'for') {
    const items = literal(model.resolve(file, { kind: 'expression', text: value.source })?.value);
    const name = textOf(entry(value.body, 'name'));
    return Array.isArray(items) && name === value.variable ? items.map(String) : [`(cannot read the names of ${declaration.name})`];
  }
  return [expand(model, file, entry(value, 'name'))];
}

/** A property of every item a resource declaration creates (the loop body's, for a loop), resolved. */
export function propertyOf(model: InfraModel, { file, declaration }: Located, ...path: string[]): Resolved | undefined {
  return model.resolve(file, entry(declaration.value, ...path));
}

/** The resource a `scope:` or `parent:` names, in the same file. */
export function resourceNamed(model: InfraModel, file: string, value: BicepValue | undefined) {
  return model.files.get(file)?.find((d) => d.keyword === 'resource' && d.name === textOf(value));
}

/** README.md's "## Deployment" section, where the operator's steps live. */
export function deploymentSection(readme: string): string {
  const start = readme.indexOf('\n## Deployment');
  if (start === -1) return '';
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}
