import { SignJWT } from 'jose';
import { issueLocalAccessToken } from '../../../shared/adapters/devops/local-access-token.js';
import { findSeedUser } from '../../../shared/adapters/devops/local-seed.js';
import { LOCAL_SECRETS } from '../../../shared/config/settings.js';
import { keepAliveDevice, type Device } from './keep-alive-client.js';

/**
 * Signs in through POST /api/session as the extension does, with the local secrets of a
 * server that reads the real clock (a child process). Returns the session token.
 */
export async function signInOver(url: string, org: string, user: string): Promise<string> {
  const seeded = findSeedUser(org, user);
  if (!seeded) throw new Error(`no seeded ${user} in ${org}`);
  const appToken = await new SignJWT({ nameid: seeded.id, tid: 'test-tenant' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('app.vstoken.visualstudio.com')
    .setAudience('timehub.local')
    .setNotBefore(Math.floor(Date.now() / 1000) - 60)
    .setExpirationTime('70m')
    .sign(new TextEncoder().encode(LOCAL_SECRETS.appToken));
  const accessToken = await issueLocalAccessToken(LOCAL_SECRETS.devOps, org, user);
  const res = await fetch(`${url}/api/session`, { method: 'POST', body: JSON.stringify({ organization: org, appToken, accessToken }) });
  const body = (await res.json()) as { data?: { token: string } };
  if (res.status !== 201 || !body.data) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(body)}`);
  return body.data.token;
}

/**
 * Four devices of one user, each with its own keep-alive agent: two browser sessions and
 * two scripts holding personal API tokens.
 */
export async function devicesOfOneUser(url: string, signIn: () => Promise<string>): Promise<Device[]> {
  const sessions = [await signIn(), await signIn()];
  const first = keepAliveDevice('session-1', url, sessions[0]!);
  const apiTokens: string[] = [];
  for (const name of ['script-1', 'script-2']) {
    const created = await first.call('POST', '/rest/apiTokens', { name, expiresInDays: 30 });
    if (created.status !== 201) throw new Error(`could not create an API token: ${created.status} ${JSON.stringify(created.body)}`);
    apiTokens.push(created.body!.data.token as string);
  }
  return [first, keepAliveDevice('session-2', url, sessions[1]!), ...apiTokens.map((token, i) => keepAliveDevice(`script-${i + 1}`, url, token))];
}
