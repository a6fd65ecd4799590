import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** The header that names the org a mail is about, so the outbox can follow its retention. */
export const ORG_HEADER = 'X-Timehub-Org';

/** One file per uninstalled org in this hidden folder of the outbox: when its mail goes. */
const RETENTION_FOLDER = '.retention';
const deadline = z.object({ orgId: z.string(), expiresAt: z.iso.datetime() });

const markerFile = (folder: string, orgId: string) => join(folder, RETENTION_FOLDER, `${encodeURIComponent(orgId)}.json`);

export async function markOrgRetention(folder: string, orgId: string, until: Date | null): Promise<void> {
  if (until === null) return rm(markerFile(folder, orgId), { force: true });
  await mkdir(join(folder, RETENTION_FOLDER), { recursive: true });
  await writeFile(markerFile(folder, orgId), JSON.stringify({ orgId, expiresAt: until.toISOString() }));
}

/** Deletes the .eml files of every org whose deadline is past, then its marker; returns how many files. */
export async function purgeEndedOrgs(folder: string, now: Date): Promise<number> {
  const ended = (await readMarkers(folder)).filter((marker) => Date.parse(marker.expiresAt) <= now.getTime());
  if (ended.length === 0) return 0;
  const orgs = new Set(ended.map((marker) => marker.orgId));
  let purged = 0;
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.eml'))) {
    const org = orgOf(await readFile(join(folder, name), 'utf8'));
    if (org === undefined || !orgs.has(org)) continue;
    await rm(join(folder, name), { force: true });
    purged++;
  }
  await Promise.all(ended.map((marker) => rm(markerFile(folder, marker.orgId), { force: true })));
  return purged;
}

async function readMarkers(folder: string) {
  let names: string[];
  try {
    names = await readdir(join(folder, RETENTION_FOLDER));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return Promise.all(names.map(async (name) => deadline.parse(JSON.parse(await readFile(join(folder, RETENTION_FOLDER, name), 'utf8')))));
}

/** The org header of a stored message; only the header block is looked at. */
function orgOf(message: string): string | undefined {
  const end = message.search(/\r?\n\r?\n/);
  const headers = end === -1 ? message : message.slice(0, end);
  return new RegExp(`^${ORG_HEADER}: *(.+?)\\r?$`, 'im').exec(headers)?.[1];
}
