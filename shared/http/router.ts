import type { AnyRoute, Method } from './route.js';

interface CompiledRoute {
  route: AnyRoute;
  pattern: RegExp;
  names: string[];
}

export type Match =
  | { kind: 'found'; route: AnyRoute; params: Record<string, string> }
  | { kind: 'not_found' }
  | { kind: 'method_not_allowed'; allowed: Method[] };

/** Matches paths against the route table; literal segments win over {params}. */
export function createRouter(routes: readonly AnyRoute[]) {
  const compiled: CompiledRoute[] = routes
    .map((route) => {
      const names: string[] = [];
      const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { route, names, pattern: new RegExp(`^${source}/?$`, 'i') };
    })
    .sort((a, b) => a.names.length - b.names.length);

  return (method: string, path: string): Match => {
    const allowed: Method[] = [];
    for (const { route, pattern, names } of compiled) {
      const found = pattern.exec(path);
      if (!found) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params = Object.fromEntries(names.map((name, i) => [name, safeDecode(found[i + 1] ?? '')]));
      return { kind: 'found', route, params };
    }
    return allowed.length ? { kind: 'method_not_allowed', allowed } : { kind: 'not_found' };
  };
}

function safeDecode(segment: string) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
