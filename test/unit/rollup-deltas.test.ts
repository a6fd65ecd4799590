import { describe, expect, it } from 'vitest';
import { CellSums, withDeltas, type RollupCell } from '../../shared/rollups/rollup-docs.js';

/** A small seeded generator, so that a failure repeats. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

function aCell(pick: (n: number) => number): RollupCell {
  const cell: RollupCell = [`2025-05-0${pick(9) + 1}`, pick(4) === 0 ? null : pick(5) + 1, pick(3) === 0 ? null : `type-${pick(2)}`, pick(2) === 0, (pick(5) - 2) * 600, pick(2) * 600, pick(3) - 1];
  if (pick(4) === 0) cell.push(`target-${pick(2)}`);
  return cell;
}

describe('adding a write to a rollup in place', () => {
  it('gives the same cells as summing them all afresh, over random writes, edits and removals', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const pick = random(seed);
      const start = new CellSums(Array.from({ length: pick(40) }, () => aCell(pick))).toCells();
      const deltas = new CellSums(Array.from({ length: pick(4) + 1 }, () => aCell(pick))).toCells();
      // A removal of an existing cell: its exact negation.
      const existing = start[pick(Math.max(1, start.length))];
      if (existing && pick(2) === 0) deltas.push([...existing.slice(0, 4), -existing[4], -existing[5], -existing[6], ...existing.slice(7)] as RollupCell);
      const afresh = new CellSums(start);
      for (const delta of deltas) afresh.add(delta, 1);
      expect(withDeltas(start, deltas), `seed ${seed}`).toEqual(afresh.toCells());
    }
  });

  it('leaves the rollup it was given as it was', () => {
    const start: RollupCell[] = [['2025-05-01', 1, null, false, 600, 0, 1]];
    withDeltas(start, [['2025-05-01', 1, null, false, 600, 0, 1]]);
    expect(start).toEqual([['2025-05-01', 1, null, false, 600, 0, 1]]);
  });
});
