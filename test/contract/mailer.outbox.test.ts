import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxMailer } from '../../shared/adapters/outbox/outbox-mailer.js';
import { describeMailerContract, parseRawMail } from './mailer.contract.js';

const FROM = 'Timehub <no-reply@timehub.example>';

async function readOutbox(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => []);
  return Promise.all(names.map((name) => readFile(join(folder, name), 'utf8')));
}

describeMailerContract('OutboxMailer', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'timehub-outbox-'));
  return {
    mailer: new OutboxMailer(join(folder, 'outbox'), FROM),
    from: FROM,
    delivered: () => readOutbox(join(folder, 'outbox')),
    close: () => rm(folder, { recursive: true, force: true }),
  };
});

describe('OutboxMailer', () => {
  let root: string;
  let outbox: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'timehub-outbox-'));
    outbox = join(root, 'data', 'outbox');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const notice = (id: string, text = 'Stopped.') => ({ id, to: 'alice@fabrikam.example', subject: 'Tracker stopped', text });

  it('creates the outbox folder on first send and names the file after the mail id', async () => {
    await new OutboxMailer(outbox).send(notice('notice-1'));
    expect(await readdir(outbox)).toEqual(['notice-1.eml']);
  });

  it('re-sending the same id leaves one file, holding the latest message', async () => {
    const mailer = new OutboxMailer(outbox);
    await mailer.send(notice('notice-1', 'first'));
    await mailer.send(notice('notice-1', 'second'));
    await Promise.all([mailer.send(notice('notice-1', 'third')), mailer.send(notice('notice-1', 'third'))]);
    expect(await readdir(outbox)).toEqual(['notice-1.eml']);
    expect(parseRawMail(await readFile(join(outbox, 'notice-1.eml'), 'utf8')).text).toBe('third');
  });

  it('keeps ids with path characters inside the folder, each in its own file', async () => {
    const mailer = new OutboxMailer(outbox);
    const ids = ['../escape', 'org/tracker:1', 'org_tracker_1', '.hidden', 'a%2Fb', 'a/b'];
    for (const id of ids) await mailer.send(notice(id));
    const names = await readdir(outbox);
    expect(names).toHaveLength(ids.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_%~-]+\.eml$/);
    expect(await readdir(root)).toEqual(['data']);
  });

  it('gives a very long id a bounded file name that stays distinct from its neighbours', async () => {
    const mailer = new OutboxMailer(outbox);
    const long = 'n'.repeat(500);
    await mailer.send(notice(`${long}-1`));
    await mailer.send(notice(`${long}-2`));
    const names = await readdir(outbox);
    expect(names).toHaveLength(2);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(130);
  });

  it('leaves no temporary file behind', async () => {
    const mailer = new OutboxMailer(outbox);
    await Promise.all(Array.from({ length: 5 }, (_, i) => mailer.send(notice(`notice-${i % 2}`))));
    expect((await readdir(outbox)).sort()).toEqual(['notice-0.eml', 'notice-1.eml']);
  });

  it('refuses a mail without an id rather than writing a nameless file', async () => {
    await expect(new OutboxMailer(outbox).send(notice(''))).rejects.toThrow(/id/);
    expect(await readOutbox(outbox)).toEqual([]);
  });
});
