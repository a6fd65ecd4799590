import { SignJWT } from 'jose';
import { issueLocalAccessToken } from '../../shared/adapters/devops/local-access-token.js';
import { findSeedUser } from '../../shared/adapters/devops/local-seed.js';
import { LOCAL_SECRETS, type Settings } from '../../shared/config/settings.js';

export const APP_TOKEN_MINUTES = 70;

/**
 * The two tokens Azure DevOps hands the extension, made the way it makes them, with the
 * local secrets: the app token (HS256 over the extension certificate secret, no org claim)
 * and an access token the local directory accepts. Never mounted outside the embedded defaults.
 */
export async function mintDevTokens(settings: Settings, org: string, user: string, now = new Date()) {
  const seeded = findSeedUser(org, user);
  if (!seeded) return undefined;
  const seconds = Math.floor(now.getTime() / 1000);
  const appToken = await new SignJWT({ nameid: seeded.id, tid: 'local-dev-host-tenant' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(settings.APP_TOKEN_ISSUER)
    .setAudience(settings.APP_TOKEN_AUDIENCES[0] ?? 'timehub.local')
    .setNotBefore(seconds - 60)
    .setExpirationTime(seconds + APP_TOKEN_MINUTES * 60)
    .setJti(crypto.randomUUID())
    .sign(new TextEncoder().encode(LOCAL_SECRETS.appToken));
  const accessToken = await issueLocalAccessToken(settings.LOCAL_DEVOPS_SECRET, org, user);
  return { appToken, accessToken };
}

/** The dev host signs with the local secrets only: with real secrets configured it must not run. */
export function devHostAllowed(settings: Settings): boolean {
  return !settings.COSMOS_ENDPOINT && !settings.DEVOPS_BASE_URL && !settings.APP_TOKEN_SECRET;
}
