import { ProxyFunctions, deserialize, serialize } from './xdm-serialization.js';

/** A request as the SDK sends it (either way); a reply carries no instanceId. */
interface XdmRequest {
  id: number;
  methodName: string;
  instanceId: string;
  instanceContext?: unknown;
  params?: unknown[];
  handshakeToken?: string;
}

interface XdmReply {
  id: number;
  result?: unknown;
  error?: unknown;
}

/** What the host answers on `DevOps.HostControl` and `DevOps.ServiceManager`. */
export interface HostControl {
  initialHandshake(options: unknown): unknown;
  appToken(): Promise<string>;
  accessToken(): Promise<string>;
  service(contributionId: string): object | undefined;
  loadSucceeded(): void;
  loadFailed(message: string): void;
}

/**
 * The host's end of one extension frame's XDM channel (see PLATFORM-NOTES: the SDK's host
 * protocol): answers the frame's requests and calls the objects the frame registered.
 */
export class ExtensionChannel {
  private readonly proxies = new ProxyFunctions();
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private readonly listener = (event: MessageEvent) => this.receive(event);

  constructor(private readonly frame: HTMLIFrameElement, private readonly control: HostControl) {
    window.addEventListener('message', this.listener);
  }

  dispose(): void {
    window.removeEventListener('message', this.listener);
    for (const { reject } of this.pending.values()) reject(new Error('the extension frame went away'));
    this.pending.clear();
  }

  /** Calls `methodName` on the object the frame registered as `instanceId`. */
  invoke(instanceId: string, methodName: string, params: unknown[] = [], instanceContext?: unknown): Promise<unknown> {
    const id = this.nextId++;
    const request: XdmRequest = {
      id, instanceId, methodName,
      params: serialize(params, this.proxies) as unknown[],
      instanceContext: serialize(instanceContext, this.proxies),
    };
    const answer = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.post(request);
    return answer;
  }

  private receive(event: MessageEvent): void {
    if (event.source !== this.frame.contentWindow || typeof event.data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null || typeof (message as { id?: unknown }).id !== 'number') return;
    if ((message as XdmRequest).instanceId) void this.answer(message as XdmRequest);
    else this.settle(message as XdmReply);
  }

  private settle(reply: XdmReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.error !== undefined) waiting.reject(new Error(describe(reply.error)));
    else waiting.resolve(this.fromFrame(reply.result));
  }

  private async answer(request: XdmRequest): Promise<void> {
    try {
      const result = await this.dispatch(request);
      this.post({ id: request.id, result: serialize(result, this.proxies), handshakeToken: request.handshakeToken });
    } catch (error) {
      this.post({ id: request.id, error: { name: 'DevHostError', message: describe(error) }, handshakeToken: request.handshakeToken });
    }
  }

  private dispatch(request: XdmRequest): unknown {
    const params = (this.fromFrame(request.params ?? []) as unknown[]) ?? [];
    switch (request.instanceId) {
      case 'DevOps.HostControl':
        return this.hostControl(request.methodName, params);
      case 'DevOps.ServiceManager': {
        if (request.methodName !== 'getService') throw new Error(`unknown service manager method ${request.methodName}`);
        const service = this.control.service(String(params[0]));
        if (!service) throw new Error(`the local dev host does not offer the service ${String(params[0])}`);
        return service;
      }
      case '__proxyFunctions': {
        const fn = this.proxies.byMethodName(request.methodName);
        if (!fn) throw new Error(`no host function ${request.methodName}`);
        return fn(...params);
      }
      default:
        throw new Error(`the host has no object ${request.instanceId}`);
    }
  }

  private hostControl(methodName: string, params: unknown[]): unknown {
    switch (methodName) {
      case 'initialHandshake': return this.control.initialHandshake(params[0]);
      case 'getAppToken': return this.control.appToken().then((token) => ({ token }));
      case 'getAccessToken': return this.control.accessToken().then((token) => ({ token }));
      case 'notifyLoadSucceeded': return this.control.loadSucceeded();
      case 'notifyLoadFailed': return this.control.loadFailed(describe(params[0]));
      case 'resize': return undefined;
      default: throw new Error(`the local dev host does not implement ${methodName}`);
    }
  }

  private fromFrame(value: unknown): unknown {
    return deserialize(value, (proxyId, args) =>
      this.invoke('__proxyFunctions', `proxy${proxyId}`, args));
  }

  private post(message: XdmRequest | (XdmReply & { handshakeToken?: string })): void {
    const origin = new URL(this.frame.src, window.location.href).origin;
    this.frame.contentWindow?.postMessage(JSON.stringify(message), origin);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return typeof error === 'string' ? error : JSON.stringify(error);
}
