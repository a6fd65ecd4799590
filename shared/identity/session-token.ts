import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { unauthorized } from '../domain/errors.js';
import { SESSION_AUDIENCE, SESSION_ISSUER, type AuthSettings } from './auth-settings.js';
import type { Caller } from './caller.js';

const claims = z.object({
  sub: z.string(),
  org: z.string(),
  orgName: z.string(),
  name: z.string(),
  uniqueName: z.string(),
  roles: z.array(z.literal('admin')),
});

const key = (settings: AuthSettings) => new TextEncoder().encode(settings.sessionSecret);

/** A short-lived token bound to (org, user, roles), issued after the session exchange. */
export async function issueSessionToken(settings: AuthSettings, caller: Caller, now: Date) {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + settings.sessionSeconds;
  const token = await new SignJWT({
    org: caller.orgId, orgName: caller.orgName, name: caller.user.name, uniqueName: caller.user.uniqueName, roles: caller.roles,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(caller.user.id)
    .setIssuer(SESSION_ISSUER)
    .setAudience(SESSION_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(key(settings));
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

/** The caller a session token stands for, and when it stops being valid (ms); 401 when forged or expired. */
export async function verifySessionToken(settings: AuthSettings, token: string, now: Date): Promise<{ caller: Caller; expiresAtMs: number }> {
  try {
    const { payload } = await jwtVerify(token, key(settings), {
      algorithms: ['HS256'], issuer: SESSION_ISSUER, audience: SESSION_AUDIENCE, currentDate: now, requiredClaims: ['exp'],
    });
    const c = claims.parse(payload);
    const caller = { orgId: c.org, orgName: c.orgName, user: { id: c.sub, name: c.name, uniqueName: c.uniqueName }, roles: c.roles };
    return { caller, expiresAtMs: (payload.exp ?? 0) * 1000 };
  } catch {
    throw unauthorized('the session token is invalid or has expired; sign in again');
  }
}
