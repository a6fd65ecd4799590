import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpMailer, type SmtpMailerOptions } from '../../shared/adapters/smtp/smtp-mailer.js';
import { describeMailerContract, parseRawMail } from './mailer.contract.js';

const USER = 'timehub';
const PASSWORD = 'contract-test-password';
const FROM = 'Timehub <no-reply@timehub.example>';

interface Arrival {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server in-process, with AUTH. Behaviour is chosen by the recipient, so tests
 * share one server: `*@rejected.example` fails RCPT TO, `refuse-data@*` fails after DATA.
 */
async function startSmtpServer(): Promise<{ port: number; arrivals: Arrival[]; close: () => Promise<void> }> {
  const arrivals: Arrival[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'], // plain loopback: no certificate to trust
    allowInsecureAuth: true,
    logger: false,
    closeTimeout: 100,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@rejected.example')) callback(new Error('No such user here'));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        if (to.some((a) => a.startsWith('refuse-data@'))) return callback(new Error('Message refused'));
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        arrivals.push({ from, to, raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, arrivals, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const options = (port: number, extra: Partial<SmtpMailerOptions> = {}): SmtpMailerOptions => ({
  host: '127.0.0.1',
  port,
  secure: false,
  user: USER,
  password: PASSWORD,
  from: FROM,
  timeoutMs: 2_000,
  ...extra,
});

const notice = (id: string, to: string) => ({ id, to, subject: 'Tracker stopped', text: 'Stopped.' });

describeMailerContract('SmtpMailer', async () => {
  const smtp = await startSmtpServer();
  return {
    mailer: new SmtpMailer(options(smtp.port)),
    from: FROM,
    delivered: async () => smtp.arrivals.map((a) => a.raw),
    close: smtp.close,
  };
});

describe('SmtpMailer', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('sends the envelope from the configured sender to the recipient', async () => {
    await new SmtpMailer(options(smtp.port)).send(notice('envelope-1', 'bob@fabrikam.example'));
    const arrival = smtp.arrivals.find((a) => parseRawMail(a.raw).headers.get('message-id') === '<envelope-1@timehub>');
    expect(arrival).toMatchObject({ from: 'no-reply@timehub.example', to: ['bob@fabrikam.example'] });
  });

  it('throws when the server rejects the recipient, and nothing is delivered', async () => {
    const before = smtp.arrivals.length;
    await expect(new SmtpMailer(options(smtp.port)).send(notice('rcpt-1', 'ghost@rejected.example'))).rejects.toThrow(/all recipients were rejected/);
    expect(smtp.arrivals.length).toBe(before);
  });

  it('throws when the server refuses the message after DATA, and nothing is delivered', async () => {
    const before = smtp.arrivals.length;
    await expect(new SmtpMailer(options(smtp.port)).send(notice('data-1', 'refuse-data@fabrikam.example'))).rejects.toThrow(
      /Message refused/,
    );
    expect(smtp.arrivals.length).toBe(before);
  });

  it('throws when the password is wrong, and nothing is delivered', async () => {
    const before = smtp.arrivals.length;
    const mailer = new SmtpMailer(options(smtp.port, { password: 'wrong' }));
    await expect(mailer.send(notice('auth-1', 'bob@fabrikam.example'))).rejects.toThrow(/Invalid login/);
    expect(smtp.arrivals.length).toBe(before);
  });

  it('throws when the server is down', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(new SmtpMailer(options(port)).send(notice('down-1', 'bob@fabrikam.example'))).rejects.toThrow(/ECONNREFUSED/);
  });

  it('throws when the server accepts the connection but never greets', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    const port = await listen(silent);
    try {
      const mailer = new SmtpMailer(options(port, { timeoutMs: 300 }));
      // Under load the socket timeout may fire before the greeting timeout: both mean "gave up".
      await expect(mailer.send(notice('silent-1', 'bob@fabrikam.example'))).rejects.toThrow(/Greeting never received|timeout/i);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
