/** Sends one email. Throws when the message was not accepted, so the caller can retry. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export interface Mail {
  /** Used as the Message-ID and to name the file of the local outbox. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}
