import { hash as oneShotHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { notFound, unauthorized } from '../domain/errors.js';
import { addSeconds, isoSeconds } from '../domain/time.js';
import type { UserRef } from '../domain/worklog.js';
import type { NewApiTokenInput } from '../contracts/identity.js';
import type { Document } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import type { Caller, Role } from './caller.js';

/** A personal API token. Only the hash of its secret is stored. */
interface ApiTokenDoc extends Document {
  type: 'apiToken';
  tokenId: string;
  name: string;
  orgName: string;
  userId: string;
  user: UserRef;
  roles: Role[];
  secretHash: string;
  createdTimestamp: string;
  expiresTimestamp: string;
}

const PREFIX = 'th';
const docId = (tokenId: string) => `apiToken:${tokenId}`;
export const apiTokenDocId = docId;
// One-shot hashing: a Hash object per request cost twice as much.
const hash = (secret: string) => oneShotHash('sha256', secret, 'buffer');

export const isApiToken = (token: string) => token.startsWith(`${PREFIX}.`);

function tokenView(doc: ApiTokenDoc) {
  return { id: doc.tokenId, name: doc.name, createdTimestamp: doc.createdTimestamp, expiresTimestamp: doc.expiresTimestamp };
}

/** Creates a token for the caller. The secret is in this answer and nowhere else. */
export async function createApiToken(ports: Ports, caller: Caller, input: NewApiTokenInput) {
  const now = ports.clock.now();
  const tokenId = randomBytes(9).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  const expires = addSeconds(now, input.expiresInDays * 86_400);
  const doc: ApiTokenDoc = {
    id: docId(tokenId), pk: caller.orgId, type: 'apiToken', schemaVersion: 1, tokenId, name: input.name,
    orgName: caller.orgName, userId: caller.user.id, user: caller.user, roles: caller.roles,
    secretHash: hash(secret).toString('base64url'), createdTimestamp: isoSeconds(now), expiresTimestamp: isoSeconds(expires),
    // Gone from the store a month after it stops working.
    ttl: input.expiresInDays * 86_400 + 30 * 86_400,
  };
  await ports.store.create('orgs', doc);
  return { ...tokenView(doc), token: `${PREFIX}.${caller.orgId}.${tokenId}.${secret}` };
}

export async function listApiTokens(ports: Ports, caller: Caller) {
  const docs = await ports.store.query<ApiTokenDoc>('orgs', {
    partition: { pk: caller.orgId },
    where: [{ field: 'type', op: '=', value: 'apiToken' }, { field: 'userId', op: '=', value: caller.user.id }],
    orderBy: [{ field: 'createdTimestamp', direction: 'asc' }],
  });
  return docs.map(tokenView);
}

export async function revokeApiToken(ports: Ports, caller: Caller, tokenId: string) {
  const doc = await ports.store.read<ApiTokenDoc>('orgs', caller.orgId, docId(tokenId));
  if (doc?.type !== 'apiToken' || doc.userId !== caller.user.id) throw notFound(`API token ${tokenId}`);
  await ports.store.delete('orgs', caller.orgId, doc.id);
  return { id: tokenId, revoked: true };
}

/**
 * The caller an API token stands for; 401 when it is unknown, forged, revoked or expired.
 * `unknownHint` explains an unknown token (locally: which data folder this server reads).
 */
export async function verifyApiToken(ports: Pick<Ports, 'store' | 'clock'>, token: string, unknownHint?: string): Promise<Caller> {
  const [prefix, orgId, tokenId, secret, ...rest] = token.split('.');
  // Made only when needed: an error captures a stack, too dear for every request.
  const refused = () => unauthorized('the API token is invalid, revoked or expired');
  if (prefix !== PREFIX || !orgId || !tokenId || !secret || rest.length) throw refused();
  const doc = await ports.store.read<ApiTokenDoc>('orgs', orgId, docId(tokenId));
  if (doc?.type !== 'apiToken') throw unknownHint ? unauthorized(`the API token is invalid, revoked or expired: ${unknownHint}`) : refused();
  const expected = Buffer.from(doc.secretHash, 'base64url');
  if (!timingSafeEqual(expected, hash(secret))) throw refused();
  if (new Date(doc.expiresTimestamp) <= ports.clock.now()) throw refused();
  return { orgId, orgName: doc.orgName, user: doc.user, roles: doc.roles };
}
