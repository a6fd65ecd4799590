import { jwtVerify } from 'jose';
import { z } from 'zod';
import { unauthorized } from '../domain/errors.js';
import type { SessionInput } from '../contracts/identity.js';
import { registerSession } from '../orgs/register-session.js';
import type { Ports } from '../ports/index.js';
import type { AuthSettings } from './auth-settings.js';
import type { Caller } from './caller.js';
import { issueSessionToken } from './session-token.js';

const appTokenClaims = z.object({ nameid: z.string().min(1) });

/**
 * The session exchange: the extension's app token proves who the user is, the Azure
 * DevOps access token proves that the same user belongs to the organization.
 */
export async function createSession(ports: Ports, settings: AuthSettings, input: SessionInput) {
  const now = ports.clock.now();
  const userId = await verifyAppToken(settings, input.appToken, now);
  const connection = await ports.directory.connectionData(input.organization, input.accessToken);
  if (!connection) throw unauthorized(`the access token is not valid for organization ${input.organization}`);
  if (connection.authenticatedUser.id !== userId) {
    throw unauthorized('the access token and the app token belong to different users');
  }
  const isAdmin = await ports.directory.isCollectionAdmin(input.organization, input.accessToken);
  const caller: Caller = {
    orgId: connection.organization.id,
    orgName: connection.organization.name,
    user: {
      id: connection.authenticatedUser.id,
      name: connection.authenticatedUser.displayName,
      uniqueName: connection.authenticatedUser.uniqueName,
    },
    roles: isAdmin ? ['admin'] : [],
  };
  // Registers the org (trial) on its first session, reinstalls it after an uninstall.
  const access = await registerSession(ports, { id: caller.orgId, name: caller.orgName }, caller.user, isAdmin);
  const session = await issueSessionToken(settings, caller, now);
  return {
    ...session, organization: { id: caller.orgId, name: caller.orgName }, user: caller.user, roles: caller.roles,
    role: access.role, teams: access.teams, isBillingAdmin: access.billingAdmin,
  };
}

async function verifyAppToken(settings: AuthSettings, token: string, now: Date) {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(settings.appTokenSecret), {
      algorithms: ['HS256'],
      issuer: settings.appTokenIssuer,
      audience: settings.appTokenAudiences,
      currentDate: now,
    });
    return appTokenClaims.parse(payload).nameid;
  } catch {
    throw unauthorized('the app token is invalid, expired, or meant for another extension');
  }
}
