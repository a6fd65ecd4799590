import { unauthorized } from '../domain/errors.js';
import type { Ports } from '../ports/index.js';
import { verifyApiToken, isApiToken } from './api-tokens.js';
import type { AuthSettings } from './auth-settings.js';
import type { Caller } from './caller.js';
import type { VerifiedSessions } from './verified-sessions.js';

/** Who sent a request: from `Authorization: Bearer <session token | API token>`. */
export async function authenticate(
  ports: Pick<Ports, 'store' | 'clock'>,
  settings: AuthSettings,
  sessions: VerifiedSessions,
  authorization: string | undefined,
): Promise<Caller> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) throw unauthorized('send Authorization: Bearer <session or API token>');
  const token = match[1];
  return isApiToken(token) ? verifyApiToken(ports, token, settings.apiTokenFolderHint) : sessions.verify(settings, token, ports.clock.now());
}
