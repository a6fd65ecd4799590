/** Sends one email. Throws when the message was not accepted, so the caller can retry. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  /**
   * For a mailer that keeps mail itself (the local outbox): an uninstalled org's mail is
   * kept until `until`, then `purgeExpired` removes it; null keeps it again (reinstall).
   */
  retainOrgMail?(orgId: string, until: Date | null): Promise<void>;
  /** Removes the mail of every org whose retention ended by `now`; returns how many. */
  purgeExpired?(now: Date): Promise<number>;
}

export interface Mail {
  /** Used as the Message-ID and to name the file of the local outbox. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The org the mail is about: where mail is kept, it is kept as long as the org's data. */
  orgId?: string;
}
