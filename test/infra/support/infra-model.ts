import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseBicep, type BicepValue, type Declaration } from './bicep-parse.js';

/** The infra as text: the Bicep files (paths relative to infra/), parameters and deployment files. */
export interface InfraSources {
  bicep: Record<string, string>;
  parametersJson: string;
  azureYaml: string;
  funcignore: string;
  readme: string;
}

export function readInfraSources(root: string): InfraSources {
  const infra = join(root, 'infra');
  const bicep: Record<string, string> = { 'main.bicep': readFileSync(join(infra, 'main.bicep'), 'utf8') };
  for (const name of readdirSync(join(infra, 'app')).filter((n) => n.endsWith('.bicep'))) {
    bicep[`app/${name}`] = readFileSync(join(infra, 'app', name), 'utf8');
  }
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  return {
    bicep,
    parametersJson: read('infra/main.parameters.json'),
    azureYaml: read('azure.yaml'),
    funcignore: read('.funcignore'),
    readme: read('README.md'),
  };
}

/** A value and the file whose names it uses. */
export interface Resolved {
  value: BicepValue;
  file: string;
}

export interface Located {
  file: string;
  declaration: Declaration;
}

/** Parsed Bicep files with name resolution across vars, params, module calls and parameters. */
export class InfraModel {
  readonly files = new Map<string, Declaration[]>();
  readonly parameters: Record<string, { value?: unknown }>;

  constructor(readonly sources: InfraSources) {
    for (const [path, text] of Object.entries(sources.bicep)) this.files.set(path, parseBicep(text));
    this.parameters = (JSON.parse(sources.parametersJson) as { parameters: InfraModel['parameters'] }).parameters;
  }

  declarations(keyword?: Declaration['keyword']): Located[] {
    return [...this.files].flatMap(([file, decls]) => decls.filter((d) => !keyword || d.keyword === keyword).map((declaration) => ({ file, declaration })));
  }

  find(file: string, name: string): Declaration | undefined {
    return this.files.get(file)?.find((d) => d.name === name);
  }

  /** Resources of a type (without API version), `existing` ones left out unless asked for. */
  resources(type: string, withExisting = false): Located[] {
    return this.declarations('resource').filter(({ declaration: d }) => d.type === type && (withExisting || !d.existing));
  }

  /** Module calls whose path points at `file`. */
  callersOf(file: string): Located[] {
    return this.declarations('module').filter(({ file: caller, declaration }) => posix.join(posix.dirname(caller), declaration.type) === file);
  }

  /** Follows a bare name to its var, a param to what its callers (or the parameters file) pass, `m.outputs.x` into module m. */
  resolve(file: string, value: BicepValue | undefined, depth = 0): Resolved | undefined {
    if (!value || depth > 20) return value && { value, file };
    if (value.kind !== 'expression') return { value, file };
    const name = /^(\w+)$/.exec(value.text)?.[1];
    const output = /^(\w+)\.outputs\.(\w+)$/.exec(value.text);
    if (output) {
      const module = this.find(file, output[1]!);
      if (module?.keyword !== 'module') return { value, file };
      const target = posix.join(posix.dirname(file), module.type);
      return this.resolve(target, this.find(target, output[2]!)?.value, depth + 1) ?? { value, file };
    }
    const declaration = name ? this.find(file, name) : undefined;
    if (declaration?.keyword === 'var') return this.resolve(file, declaration.value, depth + 1);
    if (declaration?.keyword !== 'param') return { value, file };
    const caller = this.callersOf(file)[0];
    const passed = caller && entry(caller.declaration.value, 'params', declaration.name);
    if (passed) return this.resolve(caller.file, passed, depth + 1);
    const fromFile = file === 'main.bicep' ? this.parameters[declaration.name]?.value : undefined;
    if (typeof fromFile === 'string' && !fromFile.includes('${')) return { value: { kind: 'string', value: fromFile, interpolated: false }, file };
    // An azd placeholder (`${TIMEHUB_...}`): known only when azd runs.
    if (typeof fromFile === 'string' && !declaration.value) return { value: { kind: 'expression', text: fromFile }, file };
    return declaration.value ? this.resolve(file, declaration.value, depth + 1) : { value, file };
  }
}

/** The value at a path of object keys, e.g. entry(site, 'properties', 'siteConfig'). */
export function entry(value: BicepValue | undefined, ...path: string[]): BicepValue | undefined {
  let current = value;
  for (const key of path) current = current?.kind === 'object' ? current.entries.get(key) : current?.kind === 'for' ? entry(current.body, key) : undefined;
  return current;
}

/** A literal's plain value: strings, numbers, booleans and arrays of them; undefined for expressions. */
export function literal(value: BicepValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return value.value;
    case 'array':
      return value.items.map(literal);
    default:
      return undefined;
  }
}

/** The text a value came from, for messages and pattern checks. */
export function textOf(value: BicepValue | undefined): string {
  if (!value) return '';
  if (value.kind === 'expression') return value.text;
  if (value.kind === 'string') return value.value;
  if (value.kind === 'number' || value.kind === 'bool') return String(value.value);
  if (value.kind === 'array') return value.items.map(textOf).join(' ');
  if (value.kind === 'for') return `for ${value.variable} in ${value.source}: ${textOf(value.body)}`;
  return [...value.entries].map(([k, v]) => `${k}: ${textOf(v)}`).join(' ');
}
