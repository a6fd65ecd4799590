/**
 * The value encoding of the SDK's XDM channel: functions travel as proxy ids (called back
 * as `proxy<n>` on `__proxyFunctions`), dates as `{ __proxyDate }`.
 */
export type AnyFunction = (...args: unknown[]) => unknown;

export interface ProxyMarker {
  __proxyFunctionId: number;
  _channelId: number;
}

export class ProxyFunctions {
  private next = 1;
  private readonly functions = new Map<number, AnyFunction>();

  register(fn: AnyFunction): number {
    const id = this.next++;
    this.functions.set(id, fn);
    return id;
  }

  /** `proxy3` → the function registered as 3. */
  byMethodName(methodName: string): AnyFunction | undefined {
    const match = /^proxy(\d+)$/.exec(methodName);
    return match ? this.functions.get(Number(match[1])) : undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** What the host sends: its functions become proxies the frame can call back. */
export function serialize(value: unknown, proxies: ProxyFunctions, depth = 0): unknown {
  if (depth > 50) return undefined;
  if (typeof value === 'function') {
    const bound = value as AnyFunction;
    const marker: ProxyMarker = { __proxyFunctionId: proxies.register(bound), _channelId: 1 };
    return marker;
  }
  if (value instanceof Date) return { __proxyDate: value.getTime() };
  if (Array.isArray(value)) return value.map((item) => serialize(item, proxies, depth + 1));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = serialize(item, proxies, depth + 1);
    }
    return out;
  }
  return value;
}

/** What the frame sent: its proxies become host functions that call into the frame. */
export function deserialize(value: unknown, callFrame: (proxyId: number, args: unknown[]) => Promise<unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => deserialize(item, callFrame));
  if (!isRecord(value)) return value;
  const proxyId = value.__proxyFunctionId;
  if (typeof proxyId === 'number' && proxyId > 0) return (...args: unknown[]) => callFrame(proxyId, args);
  if (typeof value.__proxyDate === 'number') return new Date(value.__proxyDate);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = deserialize(item, callFrame);
  return out;
}
