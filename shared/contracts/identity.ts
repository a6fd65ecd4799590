import { z } from 'zod';

export const sessionBody = z.strictObject({
  organization: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,49}$/, 'must be an Azure DevOps organization name'),
  appToken: z.string().min(1).max(8192),
  accessToken: z.string().min(1).max(8192),
});
export type SessionInput = z.infer<typeof sessionBody>;

export const MAX_TOKEN_DAYS = 365;

export const newApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS, `an API token lasts at most ${MAX_TOKEN_DAYS} days`).default(90),
});
export type NewApiTokenInput = z.infer<typeof newApiTokenBody>;
