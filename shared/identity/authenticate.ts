import { unauthorized } from '../domain/errors.js';
import type { Ports } from '../ports/index.js';
import { verifyApiToken, isApiToken } from './api-tokens.js';
import type { AuthSettings } from './auth-settings.js';
import type { Caller } from './caller.js';
import type { VerifiedSessions } from './verified-sessions.js';

/**
 * The token of `Authorization: Bearer <token>`, or of Basic with the token as the password
 * and any or no user name (how Excel and Power BI send it, 7PACE-API.md §1); 7pace's docs
 * also show `Basic <token>` unencoded, which is taken too.
 */
export function bearerOrBasicToken(authorization: string | undefined): string | undefined {
  const [, scheme = '', value = ''] = /^(Bearer|Basic)\s+(\S+)\s*$/i.exec(authorization ?? '') ?? [];
  if (scheme.toLowerCase() === 'bearer') return value;
  if (!value) return undefined;
  if (isApiToken(value)) return value;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const password = decoded.slice(decoded.indexOf(':') + 1);
  return decoded.includes(':') && password ? password : undefined;
}

/** Who sent a request: from its Bearer or Basic token (a session token or an API token). */
export async function authenticate(
  ports: Pick<Ports, 'store' | 'clock'>,
  settings: AuthSettings,
  sessions: VerifiedSessions,
  authorization: string | undefined,
): Promise<Caller> {
  const token = bearerOrBasicToken(authorization);
  if (!token) throw unauthorized('send Authorization: Bearer <session or API token>, or Basic with the API token as the password');
  return isApiToken(token) ? verifyApiToken(ports, token, settings.apiTokenFolderHint) : sessions.verify(settings, token, ports.clock.now());
}
