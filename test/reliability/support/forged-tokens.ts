import { SignJWT } from 'jose';
import { findSeedOrganization, findSeedUser } from '../../../shared/adapters/devops/local-seed.js';
import { SESSION_AUDIENCE, SESSION_ISSUER } from '../../../shared/identity/auth-settings.js';
import type { OrgName, UserName } from '../../support/api-server.js';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const key = (secret: string) => new TextEncoder().encode(secret);

export function seedUserId(org: OrgName, user: UserName): string {
  const found = findSeedUser(org, user);
  if (!found) throw new Error(`no seeded ${user} in ${org}`);
  return found.id;
}

export function seedOrgId(org: OrgName): string {
  const found = findSeedOrganization(org);
  if (!found) throw new Error(`no seeded org ${org}`);
  return found.id;
}

/** The claims of a Timehub session token for a seeded user. */
export function sessionClaims(org: OrgName, user: UserName, roles: 'admin'[] = []) {
  return { sub: seedUserId(org, user), org: seedOrgId(org), orgName: org, name: user, uniqueName: `${user}@${org}.example`, roles };
}

export interface SigningOptions {
  secret: string;
  audience?: string;
  issuer?: string;
  /** Seconds since the epoch: absolute, so that the test clock (not the wall clock) decides expiry. */
  issuedAt: number;
  expiresAt: number;
}

/** A session token as Timehub signs one, with any claim, key, audience or expiry. */
export function signedSession(claims: Record<string, unknown>, o: SigningOptions): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(o.issuer ?? SESSION_ISSUER)
    .setAudience(o.audience ?? SESSION_AUDIENCE)
    .setIssuedAt(o.issuedAt)
    .setExpirationTime(o.expiresAt)
    .sign(key(o.secret));
}

/** An extension app token (nameid, tid) as the certificate would sign it, with any key, audience or expiry. */
export function signedAppToken(org: OrgName, user: UserName, o: SigningOptions & { audience: string; issuer: string }): Promise<string> {
  return new SignJWT({ nameid: seedUserId(org, user), tid: 'test-tenant' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(o.issuer)
    .setAudience(o.audience)
    .setNotBefore(o.issuedAt - 60)
    .setExpirationTime(o.expiresAt)
    .sign(key(o.secret));
}

/** A JWT with `alg: none` and an empty signature. */
export function unsignedToken(claims: Record<string, unknown>): string {
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

/** `token` with its payload changed and its signature kept. */
export function withEditedPayload(token: string, edit: (payload: Record<string, unknown>) => Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${header}.${encode(edit(claims))}.${signature}`;
}
