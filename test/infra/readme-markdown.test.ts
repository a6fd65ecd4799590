import { readFileSync } from 'node:fs';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';

/** A fence line: up to three spaces, then three or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Every block of the README, code blocks and headings included, as a CommonMark parser reads it. */
function blocksOf(markdown: string): Token[] {
  const blocks: Token[] = [];
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      blocks.push(token);
      if ('tokens' in token && token.tokens) visit(token.tokens);
      if (token.type === 'list') visit((token as Tokens.List).items);
    }
  };
  visit(new Lexer().lex(markdown));
  return blocks;
}

function fencedBlocks(markdown: string): Tokens.Code[] {
  return blocksOf(markdown).filter((t): t is Tokens.Code => t.type === 'code' && t.codeBlockStyle !== 'indented');
}

/** What a reader would see go wrong: a fence that does not close, or swallows text. */
function fenceProblems(markdown: string): string[] {
  const problems: string[] = [];
  for (const block of fencedBlocks(markdown)) {
    const lines = block.raw.trimEnd().split('\n');
    const opening = lines[0] ?? '';
    const where = `the block opened by "${opening.trim()}"`;
    // An info string is one word (the language): more text there is prose fenced by mistake.
    if (!/^[\w+-]*$/.test(block.lang ?? '')) problems.push(`${where} has text on its fence line`);
    if (lines.length < 2 || !FENCE.test(lines.at(-1)!) || lines.at(-1)!.trim().replace(/[`~]/g, '') !== '') {
      problems.push(`${where} never closes`);
    }
    for (const inner of block.text.split('\n')) {
      if (FENCE.test(inner)) problems.push(`${where} swallows the fence line "${inner.trim()}"`);
    }
  }
  return problems;
}

function headingsOf(markdown: string, depth: number): string[] {
  return blocksOf(markdown)
    .filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === depth)
    .map((t) => t.text);
}

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README, as a Markdown parser reads it', () => {
  it('closes_every_code_fence_and_lets_no_fence_share_a_line_with_text', () => {
    expect(fencedBlocks(readme).length).toBeGreaterThan(5);
    expect(fenceProblems(readme)).toEqual([]);
  });

  it('starts_with_quick_start_and_keeps_its_sections_as_headings_in_order', () => {
    const sections = headingsOf(readme, 2);
    expect(sections[0]).toBe('Quick start');
    const expected = ['Quick start', 'Try it', 'The API', 'Roles, trial and subscription', 'The extension, locally',
      'Settings', 'Layout', 'Tests and benchmarks', 'Deployment'];
    expect(sections.filter((s) => expected.includes(s))).toEqual(expected);
    expect(headingsOf(readme, 3)).toEqual(expect.arrayContaining(['Moving from 7pace', 'Provision and deploy']));
  });

  it('finds_the_defect_that_once_turned_half_the_readme_into_code', () => {
    // The billing example once closed its fence on the same line as the next paragraph.
    const broken = readme.replace(/\n```\n\n(\w)/, '\n``` $1');
    expect(broken).not.toBe(readme);
    expect(fenceProblems(broken)).toEqual(expect.arrayContaining([expect.stringMatching(/swallows the fence line "``` \w/)]));
  });
});
