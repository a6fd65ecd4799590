import { z } from 'zod';

/** Secrets that only protect the local instance. The cloud must set its own. */
export const LOCAL_SECRETS = {
  appToken: 'timehub-local-app-token-secret-not-for-production',
  session: 'timehub-local-session-secret-not-for-production',
  devOps: 'timehub-local-devops-secret-not-for-production',
};

const list = z.string().transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean));
const optionalText = z.string().trim().min(1).optional();

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(7071),
  DATA_DIR: z.string().min(1).default('.data'),
  COSMOS_ENDPOINT: z.url().optional(),
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z.string().regex(/^[A-Za-z0-9-_]{1,255}$/).default('timehub'),
  DEVOPS_BASE_URL: z.url().optional(),
  APP_TOKEN_SECRET: z.string().min(16, 'must be the extension certificate secret (16+ characters)').optional(),
  APP_TOKEN_ISSUER: z.string().default('app.vstoken.visualstudio.com'),
  APP_TOKEN_AUDIENCES: list.default(['timehub.local']),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 random characters').optional(),
  SESSION_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  PUBLIC_HOST_SUFFIX: z.string().regex(/^\.[a-z0-9.-]+$/, 'must look like .timehub.example.com').optional(),
  LOCAL_DEVOPS_SECRET: z.string().min(16).default(LOCAL_SECRETS.devOps),
});

export type Settings = z.infer<typeof schema>;

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Timehub cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

/** Reads settings from the environment; empty variables count as unset. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  const problems = [
    ...(result.error?.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`) ?? []),
    ...missingCloudSecrets(present),
  ];
  if (result.success && problems.length === 0) return result.data;
  throw new SettingsError(problems);
}

/** Against real services the local secrets would let anyone sign tokens. */
function missingCloudSecrets(env: Record<string, string | undefined>): string[] {
  if (!env.COSMOS_ENDPOINT && !env.DEVOPS_BASE_URL) return [];
  return ['APP_TOKEN_SECRET', 'SESSION_SECRET']
    .filter((name) => !env[name])
    .map((name) => `${name}: is required when COSMOS_ENDPOINT or DEVOPS_BASE_URL is set`);
}
