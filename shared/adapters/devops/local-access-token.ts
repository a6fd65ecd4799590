import { SignJWT, jwtVerify } from 'jose';
import { findSeedUser, localDevOpsSeed, type DevOpsSeed } from './local-seed.js';

/**
 * Local stand-in for the Azure DevOps access token that `SDK.getAccessToken()` hands the
 * extension. Its own issuer keeps it from being confused with a local app token.
 */
const ISSUER = 'timehub-local-devops';
const ORG_CLAIM = 'org';

export interface LocalAccessTokenClaims {
  /** The seeded org name the token was issued for (lower case). */
  orgName: string;
  /** The user's id in that org (the JWT subject). */
  userId: string;
}

function keyOf(secret: string): Uint8Array {
  if (secret.length === 0) throw new Error('The local access token secret must not be empty');
  return new TextEncoder().encode(secret);
}

/** Signs a token for a seeded user; a negative lifetime yields an already expired token. */
export async function issueLocalAccessToken(
  secret: string,
  orgName: string,
  userName: string,
  expiresInSeconds = 3600,
  seed: DevOpsSeed = localDevOpsSeed,
): Promise<string> {
  const user = findSeedUser(orgName, userName, seed);
  if (!user) throw new Error(`No seeded user "${userName}" in organization "${orgName}"`);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ [ORG_CLAIM]: orgName.toLowerCase() })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setSubject(user.id)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(keyOf(secret));
}

/** The claims of a valid token; undefined when forged, expired or malformed. */
export async function verifyLocalAccessToken(secret: string, token: string): Promise<LocalAccessTokenClaims | undefined> {
  const key = keyOf(secret);
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      requiredClaims: ['exp', 'sub'],
    });
    const orgName = payload[ORG_CLAIM];
    if (typeof orgName !== 'string' || typeof payload.sub !== 'string') return undefined;
    return { orgName, userId: payload.sub };
  } catch {
    // Any verification failure means "token refused", like Azure DevOps' 401.
    return undefined;
  }
}
