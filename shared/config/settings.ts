import { createPublicKey } from 'node:crypto';
import { z } from 'zod';

/** Secrets that only protect the local instance. The cloud must set its own. */
export const LOCAL_SECRETS = {
  appToken: 'timehub-local-app-token-secret-not-for-production',
  session: 'timehub-local-session-secret-not-for-production',
  devOps: 'timehub-local-devops-secret-not-for-production',
  billingWebhook: 'timehub-local-billing-webhook-secret-not-for-production',
};

/**
 * The public half of the development license key. Its private half is committed, for local
 * demos only, in test/fixtures/dev-license-key/: the cloud must set LICENSE_PUBLIC_KEY.
 */
export const DEV_LICENSE_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAsOXKRO7YybvOzlxy9XqOAhZ2NMMEYxw7y0FKHco/aCE=
-----END PUBLIC KEY-----
`;

/** An Ed25519 public key in PEM; app settings may carry the line breaks as \n. */
const ed25519PublicKey = z
  .string()
  .transform((pem) => pem.replace(/\\n/g, '\n'))
  .refine((pem) => {
    try {
      return createPublicKey(pem).asymmetricKeyType === 'ed25519';
    } catch {
      return false;
    }
  }, 'must be an Ed25519 public key in PEM (-----BEGIN PUBLIC KEY-----)');

const list = z.string().transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean));
const optionalText = z.string().trim().min(1).optional();

/** Every setting Timehub reads; infra/ must set or deliberately leave each (test/infra checks it). */
export const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(7071),
  /** The local host's interface: loopback only, since the dev host hands out tokens to anyone who asks. */
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data'),
  COSMOS_ENDPOINT: z.url().optional(),
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z.string().regex(/^[A-Za-z0-9-_]{1,255}$/).default('timehub'),
  DEVOPS_BASE_URL: z.url().optional(),
  /**
   * Client id of Timehub's multitenant Entra app, which customer orgs add as a user to let
   * Timehub write time back to work items; tokens come from a federated credential that
   * trusts the app's managed identity. Unset: the managed identity itself (its own tenant only).
   */
  DEVOPS_APP_CLIENT_ID: z.guid('must be the client id (a GUID) of the multitenant app registration').or(z.literal('')).optional().transform((id) => id || undefined),
  APP_TOKEN_SECRET: z.string().min(16, 'must be the extension certificate secret (16+ characters)').optional(),
  APP_TOKEN_ISSUER: z.string().default('app.vstoken.visualstudio.com'),
  APP_TOKEN_AUDIENCES: list.default(['timehub.local']),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 random characters').optional(),
  SESSION_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  PUBLIC_HOST_SUFFIX: z.string().regex(/^\.[a-z0-9.-]+$/, 'must look like .timehub.example.com').optional(),
  LOCAL_DEVOPS_SECRET: z.string().min(16).default(LOCAL_SECRETS.devOps),
  /** Subscriptions and licensing (issue 4). */
  BUY_NOW_URL: z.url().default('https://timehub.example.com/buy'),
  BILLING_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 random characters').default(LOCAL_SECRETS.billingWebhook),
  LICENSE_PUBLIC_KEY: ed25519PublicKey.default(DEV_LICENSE_PUBLIC_KEY),
  /** Shown by GET /api/about, e.g. the git commit the build came from. */
  BUILD_ID: z.string().trim().min(1).max(100).default('local'),
  /** The Functions Service Bus trigger reads the same identity-based connection setting. */
  SERVICEBUS__fullyQualifiedNamespace: z.string().regex(/^[a-z0-9-]+\.servicebus\.windows\.net$/i, 'must be <namespace>.servicebus.windows.net').optional(),
  SMTP_HOST: optionalText,
  SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(587),
  SMTP_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  SMTP_FROM: z.string().min(3).default('Timehub <no-reply@timehub.localhost>'),
  /** Requests per user per minute before 429 (7pace's rate limit); 0 turns it off. Generous: the UI polls. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /** Where users open Timehub: links in emails point here. */
  APP_BASE_URL: z.url().optional(),
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
    ...unresolvedKeyVaultReferences(present),
  ];
  if (result.success && problems.length === 0) return result.data;
  throw new SettingsError(problems);
}

/** Required against real services: without them the local secrets would let anyone sign tokens. */
export const CLOUD_REQUIRED_SETTINGS = ['APP_TOKEN_SECRET', 'SESSION_SECRET', 'BILLING_WEBHOOK_SECRET', 'LICENSE_PUBLIC_KEY', 'BUY_NOW_URL'] as const;

function missingCloudSecrets(env: Record<string, string | undefined>): string[] {
  if (!env.COSMOS_ENDPOINT && !env.DEVOPS_BASE_URL) return [];
  return CLOUD_REQUIRED_SETTINGS
    .filter((name) => !env[name])
    .map((name) => `${name}: is required when COSMOS_ENDPOINT or DEVOPS_BASE_URL is set`);
}

/**
 * Azure leaves a Key Vault reference it cannot resolve (missing secret, missing role) as the
 * literal `@Microsoft.KeyVault(...)` text, which would otherwise pass as a weak, guessable secret.
 */
function unresolvedKeyVaultReferences(env: Record<string, string | undefined>): string[] {
  return Object.entries(env)
    .filter(([name, value]) => name in schema.shape && value?.trimStart().startsWith('@Microsoft.KeyVault('))
    .map(([name]) => `${name}: its Key Vault reference did not resolve; put the secret in the vault and check the app's Key Vault Secrets User role`);
}
