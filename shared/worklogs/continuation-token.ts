import { createHash } from 'node:crypto';
import { z } from 'zod';
import { badRequest } from '../domain/errors.js';

/** A keyset position: the (timestamp, id) of the last item a page returned. */
export type PageKey = [timestamp: string, id: string];

const tokenBody = z.strictObject({ after: z.tuple([z.string().max(100), z.string().max(100)]), check: z.string() });

/**
 * The check binds a token to its position and to the query it came from (org, caller,
 * subject, filters): a token replayed against another query, or edited, fails it. It is
 * not a secret: forging a position reads nothing the filters and the caller's role do
 * not already allow.
 */
function checkOf(after: PageKey, scope: unknown): string {
  return createHash('sha256').update(JSON.stringify([after, scope])).digest('base64url').slice(0, 22);
}

/** Opaque to clients: base64url JSON of the position and its check. */
export function encodeContinuation(after: PageKey, scope: unknown): string {
  return Buffer.from(JSON.stringify({ after, check: checkOf(after, scope) })).toString('base64url');
}

export function decodeContinuation(token: string, scope: unknown): PageKey {
  let parsed: z.ZodSafeParseResult<z.infer<typeof tokenBody>> | undefined;
  try {
    parsed = tokenBody.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success || parsed.data.check !== checkOf(parsed.data.after, scope)) {
    throw badRequest(
      'request.invalid_continuation_token',
      '$continuationToken is not one this query issued: it was changed, or the filters or user differ from the request that returned it. Send it back unchanged with the same filters, or start again without it',
    );
  }
  return parsed.data.after;
}
