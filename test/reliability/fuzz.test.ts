import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http/routes/index.js';
import { bodyCases, pathCases, queryCases, type DraftCase, type ForeignIds } from './support/fuzz-cases.js';
import { judgedCases, runFuzz, type Outcome } from './support/fuzz-runner.js';
import { startFuzzWorld, type FuzzWorld } from './support/fuzz-world.js';
import { operationsOf, type Operation } from './support/operations.js';
import { errorEnvelope } from './support/raw-http.js';
import { accessCases, rawBodyCases, wrongMethodCases } from './support/raw-cases.js';
import { fuzzSeed, seededRandom } from './support/seeded-random.js';
import { isRefusal, violationsOf, type Violation, type ViolationKind } from './support/violations.js';

const seed = fuzzSeed();
const replay = `replay with FUZZ_SEED=${seed}`;
let world: FuzzWorld | undefined;
let outcomes: Outcome[] = [];
let violations: Violation[] = [];

/** Every malformed request the route table suggests: new routes join by being in the table. */
function allCases(ops: readonly Operation[], foreign: ForeignIds): DraftCase[] {
  const perRoute = ops.flatMap((op) => [...bodyCases(op), ...rawBodyCases(op), ...queryCases(op), ...pathCases(op, foreign), ...accessCases(op)]);
  return [...perRoute, ...wrongMethodCases(ops, routes)];
}

/** FUZZ_REPORT=<file>: each route's answers by status, then every violation. */
function report(all: readonly Outcome[], found: readonly Violation[]): string {
  const byRoute = new Map<string, Map<number, number>>();
  for (const { fuzzCase, status } of all) {
    const counts = byRoute.get(fuzzCase.route) ?? new Map<number, number>();
    byRoute.set(fuzzCase.route, counts.set(status, (counts.get(status) ?? 0) + 1));
  }
  const routeLines = [...byRoute].map(([route, counts]) => `${route}\t${[...counts].sort().map(([s, n]) => `${s}×${n}`).join(' ')}`);
  return [...routeLines, '', ...found.map((v) => `${v.kind}\t${v.line}`)].join('\n');
}

beforeAll(async () => {
  world = await startFuzzWorld();
  const cases = judgedCases(routes, allCases(operationsOf(routes), world.foreignIds));
  outcomes = await runFuzz(world, cases, seededRandom(seed));
  violations = outcomes.flatMap(violationsOf);
  if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, report(outcomes, violations));
  const count = (n: number) => n.toLocaleString('en-US');
  const refused = outcomes.filter((o) => isRefusal(o.status)).length;
  const fived = outcomes.filter((o) => o.status >= 500).length;
  console.log(
    `fuzz (seed ${seed}): ${count(outcomes.length)} requests over ${new Set(outcomes.map((o) => o.fuzzCase.route)).size} routes, ` +
      `${count(fived)} 5xx, ${count(refused)} refused, ${count(outcomes.length - refused)} accepted, ${count(violations.length)} violations`,
  );
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const lines = (...kinds: ViolationKind[]) => violations.filter((v) => kinds.includes(v.kind)).map((v) => v.line);

describe(`the fuzz over the route table's own schemas (seed ${seed})`, () => {
  it('sends at least 1,000 malformed requests and reaches the validation of every route that takes input', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(1_000);
    const fuzzed = new Set(outcomes.map((o) => o.fuzzCase.route));
    expect(routes.map((r) => r.name).filter((name) => !fuzzed.has(name)), 'routes the fuzz never sent a request to').toEqual([]);
    const validated = new Set(outcomes.filter((o) => errorEnvelope(o.json)?.code === 'request.invalid').map((o) => o.fuzzCase.route));
    const withInput = routes.filter((r) => r.params || r.query || (r.body && !r.rawBody)).map((r) => r.name);
    expect(withInput.filter((name) => !validated.has(name)), 'routes whose input validation no request reached').toEqual([]);
    // The store comparison sees writes: accepted writes showed up in it.
    expect(outcomes.filter((o) => !isRefusal(o.status) && o.changed.length).length).toBeGreaterThan(0);
  });

  it('answers none of them with a 5xx', () => {
    expect(lines('5xx'), replay).toEqual([]);
  });

  it('answers every refusal in the error envelope, naming the field, parameter or method at fault', () => {
    expect(lines('envelope', 'names', 'status'), replay).toEqual([]);
  });

  it('changes nothing stored (documents with their etags, queued messages) when it refuses a request', () => {
    expect(lines('changed'), replay).toEqual([]);
  });

  it('accepts nothing that its own schemas refuse', () => {
    expect(lines('accepted invalid'), replay).toEqual([]);
  });

  it("refuses ids that are not the caller's, wrong methods and callers without access", () => {
    expect(lines('accepted: hostile or foreign id', 'accepted: wrong method', 'accepted: no access'), replay).toEqual([]);
  });

  it('refuses dates in year 0000 and ranges whose start is after their end', () => {
    expect(lines('accepted: bad date', 'accepted: inverted range'), replay).toEqual([]);
  });
});
