import nodemailer from 'nodemailer';
import type { MailComposerOptions, SMTPSentMessageInfo, Transporter } from 'nodemailer';
import type { Mail, Mailer } from '../../ports/mailer.js';

export interface SmtpMailerOptions {
  host: string;
  port: number;
  /** true for implicit TLS (465); false lets the server offer STARTTLS. */
  secure: boolean;
  user?: string;
  password?: string;
  /** The From header, e.g. `Timehub <no-reply@timehub.example>`. */
  from: string;
  /** Upper bound for connecting, the greeting and each socket read; defaults to 10 s. */
  timeoutMs?: number;
}

/**
 * Delivers mail over SMTP. Every failure (unreachable, slow, auth, rejected recipient or
 * data) throws: the notice handler runs on the queue, which redelivers and dead-letters.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter<SMTPSentMessageInfo>;

  constructor(private readonly options: SmtpMailerOptions) {
    const timeout = options.timeoutMs ?? 10_000;
    this.transport = nodemailer.createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      auth: options.user === undefined ? undefined : { user: options.user, pass: options.password ?? '' },
      // nodemailer waits minutes by default; a queue handler must fail fast and let the retry wait.
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      dnsTimeout: timeout,
    });
  }

  async send(mail: Mail): Promise<void> {
    const info = await this.transport.sendMail(mailOptions(mail, this.options.from));
    // nodemailer resolves when at least one recipient was accepted; we have one, so require it.
    if (info.rejected.length > 0 || info.accepted.length === 0) {
      throw new Error(`SMTP server did not accept mail ${mail.id}: ${info.response}`);
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** The one message shape every mailer adapter composes, so SMTP and the outbox agree. */
export function mailOptions(mail: Mail, from: string): MailComposerOptions {
  if (mail.id === '') throw new Error('A mail needs an id: it names the Message-ID and the outbox file');
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html === undefined ? {} : { html: mail.html }),
    messageId: messageIdFor(mail.id),
    // RFC 5322 lines end in CRLF; SMTP would convert, a file written as-is would not.
    newline: 'windows',
    // Mail ids are internal; never let content point nodemailer at files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/**
 * `<id@timehub>`: a re-sent notice keeps its Message-ID, so clients and people see the
 * duplicate. Characters outside RFC 5322 atext (and `.`, `%`) are %-escaped, reversibly.
 */
export function messageIdFor(id: string): string {
  return `<${escapeOutside(id, /[A-Za-z0-9!#$&'*+\-/=?^_`{|}~]/)}@timehub>`;
}

/** %XX-escapes, byte by byte in UTF-8, every character that `allowed` does not match. */
export function escapeOutside(value: string, allowed: RegExp): string {
  let out = '';
  for (const char of value) {
    if (allowed.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
