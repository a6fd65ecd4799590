import { describe, expect, it } from 'vitest';
import { bindExpression, matches } from '../../shared/odata/odata-evaluate.js';
import { parseExpression } from '../../shared/odata/parse-expression.js';
import { ENTITY_TYPES } from '../../shared/odata/odata-model.js';
import { parseOptions } from '../../shared/odata/odata-options.js';
import type { Row } from '../../shared/odata/odata-rows.js';

const entity = ENTITY_TYPES.ReportingWorkLog;
const row: Row = {
  Id: 'dc54d553-a762-47c3-a68f-80d64bdd2a66', UserId: 'AB54D553-A762-47C3-A68F-80D64BDD2A66', WorkItemId: 7, PeriodLength: 3600,
  Comment: "it's done", IsBillable: true, Timestamp: '2025-01-02T23:30:00+01:00', User: { Id: 'u', Name: 'Bob', Email: 'bob@x' },
  ActivityType: null, WorklogDate: { Year: 2025, Month: 1, Day: 2, ShortDate: '2025-01-02' },
};
const holds = (filter: string) => matches(row, bindExpression(entity, parseExpression(filter)));

describe('OData filter expressions', () => {
  it.each([
    ['Timestamp ge 2025-01-02T22:30:00Z', true],
    ['Timestamp gt 2025-01-02T22:30:00Z', false],
    ['Timestamp ge 2025-01-02T23:00:00+01:00', true],
    // Without an offset: the worklog's own wall clock (23:30 local), not the instant (22:30Z).
    ['Timestamp ge 2025-01-02T23:00:00', true],
    ['Timestamp lt 2025-01-03', true],
    ['Timestamp ge 2025-01-03', false],
    ['WorkItemId in (1, 7, 9)', true],
    ['WorkItemId in (1)', false],
    ['not IsBillable', false],
    ['IsBillable and PeriodLength eq 3600', true],
    ['PeriodLength lt 60 or (Comment ne null and WorkItemId ge 7)', true],
    ["Comment eq 'it''s done'", true],
    ["contains(tolower(User/Name),'bo') and startswith(Comment,'it')", true],
    ['userid eq ab54d553-a762-47c3-a68f-80d64bdd2a66', true],
    ["UserId eq guid'ab54d553-a762-47c3-a68f-80d64bdd2a66'", true],
    ['ActivityType eq null and ActivityTypeId eq null', true],
    ['WorklogDate/Year eq 2025 and year(Timestamp) eq 2025 and day(Timestamp) eq 2', true],
  ])('%s → %s', (filter, expected) => {
    expect(holds(filter)).toBe(expected);
  });

  it("reads an enum value written with its type's name as the member's name", () => {
    expect(parseExpression("BudgetAssignmentType eq TimetrackerOnline.Entities.Extensions.BudgetAssignmentType'NoBudget'")).toEqual({
      kind: 'compare', op: 'eq', left: { kind: 'property', path: ['BudgetAssignmentType'] }, right: { kind: 'literal', type: 'string', value: 'NoBudget' },
    });
  });

  it.each([
    ['Timestamp ge', /ends too early/],
    ['Nope eq 1', /no property Nope/],
    ['PeriodLength eq 1)', /unexpected "\)"/],
    ['exec(Comment)', /not supported/],
    ['WorkItemId in (Comment)', /literals only/],
    [`${'('.repeat(60)}IsBillable${')'.repeat(60)}`, /nests deeper/],
  ])('refuses %s', (filter, message) => {
    expect(() => bindExpression(entity, parseExpression(filter))).toThrow(message);
  });
});

describe('OData query options', () => {
  it('reads $apply steps: filters, then groupby with aggregates', () => {
    const options = parseOptions(entity, { $apply: "filter(IsBillable)/filter(WorkItemId eq 7)/groupby((User/Name, WorklogDate/Month),aggregate(PeriodLength with sum as Total, $count as N))" });
    expect(options.aggregation).toEqual({
      groupBy: [['User', 'Name'], ['WorklogDate', 'Month']],
      aggregates: [{ path: ['PeriodLength'], method: 'sum', alias: 'Total' }, { path: null, method: 'count', alias: 'N' }],
    });
    expect(options.filter?.kind).toBe('and');
  });

  it('pages by Timestamp either way, and sorts other orders within one page', () => {
    const byTime = parseOptions(entity, { $orderby: 'Timestamp desc, Id desc' });
    expect(byTime.direction).toBe('desc');
    expect(byTime.inPageOrder).toBeUndefined();
    expect(parseOptions(entity, { $orderby: 'User/Name' }).inPageOrder).toEqual([{ path: ['User', 'Name'], direction: 'asc' }]);
  });

  it('names the option at fault', () => {
    expect(() => parseOptions(entity, { $select: 'Id,Nope' })).toThrow(/^\$select: .*Nope/);
    expect(() => parseOptions(entity, { $apply: 'compute(x)' })).toThrow(/^\$apply: /);
    expect(() => parseOptions(entity, { $orderby: 'Timestamp sideways' })).toThrow(/^\$orderby: /);
  });
});
