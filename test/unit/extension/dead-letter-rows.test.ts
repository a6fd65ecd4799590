import { describe, expect, it } from 'vitest';
import { deadLetterRows } from '../../../extension/src/time-hub/settings/dead-letter-rows.js';

const letter = (messageId: string, deadLetteredAt: string, body: unknown) =>
  ({ queue: 'email-notices' as const, messageId, body, deliveryCount: 10, reason: 'mail server refused', deadLetteredAt });

describe('the undelivered notices table', () => {
  it('lists_the_newest_first_with_the_worklog_and_user_of_the_body_where_present', () => {
    const rows = deadLetterRows([
      letter('a', '2026-11-01T10:00:00Z', { orgId: 'o', userId: 'u1', worklogId: 'w1' }),
      letter('b', '2026-11-02T10:00:00Z', 'not an object'),
      letter('c', '2026-11-03T10:00:00Z', { orgId: 'o', worklogId: 7 }),
    ]);
    expect(rows.map((r) => [r.key, r.worklogId, r.userId])).toEqual([
      ['email-notices:c', '7', null],
      ['email-notices:b', null, null],
      ['email-notices:a', 'w1', 'u1'],
    ]);
    expect(rows[0]).toMatchObject({ queue: 'email-notices', deliveryCount: 10, reason: 'mail server refused' });
  });
});
