import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mail, Mailer } from '../../shared/ports/mailer.js';

export interface MailerFixture {
  mailer: Mailer;
  /** The From the adapter was configured with. */
  from: string;
  /** Every raw RFC 5322 message delivered so far, in any order. */
  delivered(): Promise<string[]>;
  close?: () => Promise<void>;
}

/** Headers: lower-case name → unfolded, decoded value (first occurrence). */
export type ParsedMail = { headers: Map<string, string>; text?: string; html?: string };

/** A small MIME reader (mailparser is not installed): headers, encoded words, QP/base64, multipart. */
export function parseRawMail(raw: string): ParsedMail {
  const parsed: ParsedMail = { headers: new Map() };
  readPart(raw.replace(/\r\n/g, '\n'), parsed, true);
  return parsed;
}

function readPart(part: string, into: ParsedMail, root: boolean): void {
  const split = part.indexOf('\n\n');
  const head = split < 0 ? part : part.slice(0, split);
  const body = split < 0 ? '' : part.slice(split + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && !headers.has(name)) headers.set(name, decodeWords(line.slice(colon + 1).trim()));
  }
  if (root) into.headers = headers;
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.startsWith('multipart/') && boundary) {
    const parts = body.split(`--${boundary}`).slice(1, -1);
    for (const child of parts) readPart(child.replace(/^\n/, ''), into, false);
    return;
  }
  const encoding = headers.get('content-transfer-encoding') ?? '7bit';
  const content = /^base64$/i.test(encoding)
    ? Buffer.from(body, 'base64').toString('utf8')
    : /^quoted-printable$/i.test(encoding) ? decodeQuotedPrintable(body.replace(/=\n/g, '')) : body;
  if (type.startsWith('text/plain')) into.text = content.replace(/\n$/, '');
  if (type.startsWith('text/html')) into.html = content.replace(/\n$/, '');
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}

function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[QB]\?[^?]*\?=)\s+(?==\?)/gi, '$1')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_m, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

let counter = 0;
const uniqueId = (label: string) => `${label}-${process.pid}-${++counter}-${Date.now()}`;
const mailFor = (id: string, extra: Partial<Mail> = {}): Mail => ({
  id,
  to: 'alice@fabrikam.example',
  subject: 'Tracker stopped: Fix the login page',
  text: 'Your tracker on #42 was stopped after 1:00:00.\nCorrect it in your timesheet.',
  html: '<p>Your tracker on <b>#42</b> was stopped.</p>',
  ...extra,
});

/** One behaviour for every Mailer adapter: what arrives, and how a notice stays recognisable. */
export function describeMailerContract(adapter: string, setup: () => Promise<MailerFixture>): void {
  describe(`Mailer contract: ${adapter}`, () => {
    let fixture: MailerFixture;
    beforeAll(async () => void (fixture = await setup()));
    afterAll(async () => fixture?.close?.());

    /** The delivered messages whose Message-ID carries this exact id. */
    async function arrived(id: string): Promise<{ raw: string; mail: ParsedMail }[]> {
      const all = (await fixture.delivered()).map((raw) => ({ raw, mail: parseRawMail(raw) }));
      return all.filter(({ mail }) => mail.headers.get('message-id') === `<${id}@timehub>`);
    }

    it('a sent mail arrives with subject, recipient, from, text and html', async () => {
      const mail = mailFor(uniqueId('notice'));
      await fixture.mailer.send(mail);
      const [only, ...more] = await arrived(mail.id);
      expect(more).toEqual([]);
      expect(only?.mail.headers.get('subject')).toBe(mail.subject);
      expect(only?.mail.headers.get('to')).toContain(mail.to);
      expect(only?.mail.headers.get('from')).toBe(fixture.from);
      expect(only?.mail.text).toBe(mail.text);
      expect(only?.mail.html).toBe(mail.html);
    });

    it('a mail without html arrives as plain text only', async () => {
      const mail = mailFor(uniqueId('plain'), { html: undefined });
      await fixture.mailer.send(mail);
      const [only] = await arrived(mail.id);
      expect(only?.mail.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(only?.mail.text).toBe(mail.text);
      expect(only?.mail.html).toBeUndefined();
    });

    it('the message is RFC 5322: CRLF lines of at most 998 characters, with Date, From and Message-ID', async () => {
      const mail = mailFor(uniqueId('long'), { text: `${'x'.repeat(2000)}\nend` });
      await fixture.mailer.send(mail);
      const [only] = await arrived(mail.id);
      expect(only?.raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of only?.raw.split('\r\n') ?? []) expect(line.length).toBeLessThanOrEqual(998);
      expect(Date.parse(only?.mail.headers.get('date') ?? '')).not.toBeNaN();
      expect(only?.mail.text).toBe(mail.text);
    });

    it('non-ASCII subject, recipient name, text and html arrive intact', async () => {
      const mail = mailFor(uniqueId('utf8'), {
        to: 'Zoë Ångström <zoe@contoso.example>',
        subject: 'Tracker gestoppt: Überstunden – 10 h ✓',
        text: 'Grüße, Zoë: 10:00:00 erfasst = zu lang?',
        html: '<p>Grüße ✓</p>',
      });
      await fixture.mailer.send(mail);
      const [only] = await arrived(mail.id);
      expect(only?.mail.headers.get('subject')).toBe(mail.subject);
      expect(only?.mail.headers.get('to')).toBe(mail.to);
      expect(only?.mail.text).toBe(mail.text);
      expect(only?.mail.html).toBe(mail.html);
    });

    it('the Message-ID carries the mail id, so a re-sent notice is recognisable', async () => {
      const mail = mailFor(uniqueId('resend'));
      await fixture.mailer.send(mail);
      await fixture.mailer.send({ ...mail, text: 'second attempt' });
      const copies = await arrived(mail.id);
      expect(copies.length).toBeGreaterThanOrEqual(1);
      expect(copies.map((c) => c.mail.headers.get('message-id'))).toEqual(copies.map(() => `<${mail.id}@timehub>`));
      expect(copies.at(-1)?.mail.text).toBe('second attempt');
    });

    it('ids with characters a Message-ID cannot hold still give distinct, valid Message-IDs', async () => {
      const base = uniqueId('odd');
      const ids = [`${base}:org/tracker 1`, `${base}:org/tracker_1`, `${base}.org.tracker%1`];
      for (const id of ids) await fixture.mailer.send(mailFor(id));
      const all = (await fixture.delivered()).map((raw) => parseRawMail(raw).headers.get('message-id') ?? '');
      const ours = all.filter((messageId) => messageId.startsWith(`<${base}`));
      expect(new Set(ours).size).toBe(3);
      const atext = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+";
      for (const messageId of ours) expect(messageId).toMatch(new RegExp(`^<${atext}(\\.${atext})*@timehub>$`));
    });
  });
}
