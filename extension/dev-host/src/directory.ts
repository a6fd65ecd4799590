/** What the dev host reads from the local server: the seeded orgs and the dev extension's manifest. */
export interface DirectoryUser {
  name: string;
  id: string;
  displayName: string;
  uniqueName: string;
  isCollectionAdmin: boolean;
}

export interface DirectoryWorkItem {
  id: number;
  title: string;
  type: string;
  state: string;
}

export interface DirectoryOrganization {
  id: string;
  name: string;
  users: DirectoryUser[];
  workItems: DirectoryWorkItem[];
}

export interface Contribution {
  id: string;
  type: string;
  targets: string[];
  properties: { name?: string; text?: string; uri?: string; registeredObjectId?: string; order?: number };
}

export interface Directory {
  extension: { publisherId: string; extensionId: string; name: string; version: string };
  contributions: Contribution[];
  organizations: DirectoryOrganization[];
}

export interface Tokens {
  appToken: string;
  accessToken: string;
}

export async function loadDirectory(): Promise<Directory> {
  const response = await fetch('/_devhost/directory');
  if (!response.ok) throw new Error(`the local server answered ${response.status} for its directory`);
  return (await response.json()) as Directory;
}

const tokenCache = new Map<string, { tokens: Promise<Tokens>; at: number }>();
const TOKEN_REUSE_MS = 30 * 60_000;

/** The tokens Azure DevOps would hand this user's extension frames, minted by the local server. */
export function tokensFor(org: string, user: string): Promise<Tokens> {
  const key = `${org}/${user}`;
  const cached = tokenCache.get(key);
  if (cached && Date.now() - cached.at < TOKEN_REUSE_MS) return cached.tokens;
  const tokens = fetch('/_devhost/tokens', { method: 'POST', body: JSON.stringify({ org, user }) }).then(async (response) => {
    if (!response.ok) throw new Error(`no tokens for ${user} in ${org}: ${response.status}`);
    return (await response.json()) as Tokens;
  });
  tokens.catch(() => tokenCache.delete(key));
  tokenCache.set(key, { tokens, at: Date.now() });
  return tokens;
}

/** The contributions placed at one target of the host, in their order. */
export function contributionsAt(directory: Directory, target: string): Contribution[] {
  return directory.contributions
    .filter((c) => c.targets.includes(target))
    .sort((a, b) => (a.properties.order ?? 0) - (b.properties.order ?? 0));
}

export const fullContributionId = (directory: Directory, contribution: Contribution) =>
  `${directory.extension.publisherId}.${directory.extension.extensionId}.${contribution.id}`;
