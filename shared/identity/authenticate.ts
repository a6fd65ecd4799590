import { unauthorized } from '../domain/errors.js';
import type { Ports } from '../ports/index.js';
import { verifyApiToken, isApiToken } from './api-tokens.js';
import type { AuthSettings } from './auth-settings.js';
import type { Caller } from './caller.js';
import { verifySessionToken } from './session-token.js';

/** Who sent a request: from `Authorization: Bearer <session token | API token>`. */
export async function authenticate(ports: Pick<Ports, 'store' | 'clock'>, settings: AuthSettings, authorization: string | undefined): Promise<Caller> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) throw unauthorized('send Authorization: Bearer <session or API token>');
  const token = match[1];
  return isApiToken(token) ? verifyApiToken(ports, token) : verifySessionToken(settings, token, ports.clock.now());
}
