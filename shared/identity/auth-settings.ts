/** The secrets and claims that identity checks need, taken from the validated settings. */
export interface AuthSettings {
  /** The extension's certificate secret: app tokens are HS256-signed with it. */
  appTokenSecret: string;
  appTokenIssuer: string;
  appTokenAudiences: string[];
  /** Signs Timehub's own session tokens. */
  sessionSecret: string;
  sessionSeconds: number;
  /** Locally (SQLite): says which data folder holds the API tokens, for a 401 on an unknown one. */
  apiTokenFolderHint?: string;
}

export const SESSION_ISSUER = 'timehub';
export const SESSION_AUDIENCE = 'timehub-api';
