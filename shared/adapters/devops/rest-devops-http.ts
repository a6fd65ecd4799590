import { DevOpsThrottledError } from '../../ports/devops-directory.js';
import { DevOpsRequestError, retryAfterSeconds } from './rest-devops-errors.js';

export type Reply = { kind: 'json'; body: unknown } | { kind: 'refused' } | { kind: 'missing' };

/** Letters, digits and inner hyphens: anything else never reaches a URL. */
export const ORG_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?$/;

/**
 * Requests to the Azure DevOps REST API: a 429 becomes DevOpsThrottledError with its
 * Retry-After, a 404 `missing`, a refused token (401, 403, 203 or a redirect to sign-in)
 * `refused`, anything else an error naming the path (never the query or the token).
 */
export class DevOpsHttp {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  orgUrl(orgName: string): string {
    return `${this.baseUrl}/${encodeURIComponent(orgName)}`;
  }

  /** A POST as Timehub's own identity: undefined for an unknown org, an error when the identity is refused. */
  async serviceCall(orgName: string, path: string, body: unknown, token: string): Promise<unknown> {
    const url = `${this.orgUrl(orgName)}/${path}${path.includes('?') ? '&' : '?'}api-version=7.1`;
    return this.serviceReply(orgName, await this.get(url, token, body));
  }

  /** What a call as Timehub's own identity answered: undefined for an unknown org, an error when the identity is refused. */
  serviceReply(orgName: string, reply: Reply): unknown {
    if (reply.kind === 'missing') return undefined;
    if (reply.kind === 'refused') throw new DevOpsRequestError(`Azure DevOps refused Timehub's identity for ${orgName}`);
    return reply.body;
  }

  /** GET, or POST with a JSON body when `body` is given. */
  async get(url: string, bearer: string, body?: unknown): Promise<Reply> {
    const where = new URL(url).pathname; // never the query or the token
    try {
      const res = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body !== undefined && { body: JSON.stringify(body) }),
        headers: { authorization: `Bearer ${bearer}`, accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }) },
        // A redirect or 203 is the sign-in page: Azure DevOps' way of refusing a token.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (res.ok && res.status !== 203) return { kind: 'json', body: await res.json() };
      await res.body?.cancel();
      if (res.status === 429) throw new DevOpsThrottledError(retryAfterSeconds(res.headers.get('retry-after')));
      if (res.status === 404) return { kind: 'missing' };
      if ([203, 401, 403].includes(res.status) || (res.status >= 300 && res.status < 400)) return { kind: 'refused' };
      throw new DevOpsRequestError(`Azure DevOps answered ${res.status}: ${where}`, res.status);
    } catch (error) {
      if (error instanceof DevOpsRequestError || error instanceof DevOpsThrottledError) throw error;
      throw new DevOpsRequestError(`Azure DevOps request failed: ${where}`, undefined, { cause: error });
    }
  }
}
