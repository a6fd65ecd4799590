import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Mail, Mailer } from '../../ports/mailer.js';
import { escapeOutside, mailOptions } from '../smtp/smtp-mailer.js';
import { ORG_HEADER, markOrgRetention, purgeEndedOrgs } from './outbox-retention.js';

const DEFAULT_FROM = 'Timehub <no-reply@timehub.localhost>';
/** Keeps names well under the 255-byte limit of common file systems. */
const MAX_NAME_LENGTH = 120;

/**
 * The local default mailer: each mail becomes `<id>.eml` in a folder, an RFC 5322 message
 * any mail client opens. Composed by nodemailer exactly as SMTP would send it.
 */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly folder: string,
    private readonly from: string = DEFAULT_FROM,
  ) {}

  async send(mail: Mail): Promise<void> {
    const options = { ...mailOptions(mail, this.from), ...(mail.orgId !== undefined && { headers: { [ORG_HEADER]: mail.orgId } }) };
    const message = await new MailComposer(options).compile().build();
    await mkdir(this.folder, { recursive: true });
    const target = join(this.folder, outboxFileName(mail.id));
    // Write beside the target, flush, then rename: a reader never sees half a message and
    // a re-send of the same id replaces the file instead of adding one.
    const temp = `${target}.${randomUUID()}.tmp`;
    try {
      const file = await open(temp, 'wx');
      try {
        await file.writeFile(message);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async retainOrgMail(orgId: string, until: Date | null): Promise<void> {
    await markOrgRetention(this.folder, orgId, until);
  }

  async purgeExpired(now: Date): Promise<number> {
    return purgeEndedOrgs(this.folder, now);
  }
}

/**
 * The file name for a mail id: safe characters kept, the rest %-escaped so distinct ids
 * never share a file; an over-long id is cut and made unique by a hash of the whole id.
 */
export function outboxFileName(id: string): string {
  let name = escapeOutside(id, /[A-Za-z0-9_-]/);
  if (name.length > MAX_NAME_LENGTH) {
    const hash = createHash('sha256').update(id).digest('hex').slice(0, 16);
    name = `${name.slice(0, MAX_NAME_LENGTH - 17)}~${hash}`;
  }
  return `${name}.eml`;
}
