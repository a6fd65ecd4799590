import { dateLiteral, invalid, type CompareOp, type Expression, type Literal, type Operand } from './odata-expression.js';

/**
 * A recursive-descent parser of the expressions in odata-expression.ts. No OData parser on
 * npm reads all of them (`in`, date-times without an offset, `$apply`), so this one is small
 * and tested instead (test/unit/odata-expression.test.ts).
 */
const COMPARE = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['contains', 'startswith', 'endswith', 'tolower', 'toupper', 'year', 'month', 'day', 'length', 'trim']);
const MAX_DEPTH = 50;

const TOKEN = new RegExp(
  [
    /(?<space>\s+)/, /(?<punct>[(),])/, /(?<string>'(?:[^']|'')*')/,
    /(?<typed>(?:guid|datetimeoffset|datetime)'[^']*')/,
    // An enum value with its type's name (`TimetrackerOnline.Entities.Extensions.BudgetAssignmentType'NoBudget'`): the member's name.
    /(?<member>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+'[A-Za-z_]\w*')/,
    /(?<guid>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-]))/,
    /(?<date>\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?)?(?![\w:.]))/,
    /(?<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[mMdDfFlL]?(?![\w.]))/,
    /(?<name>\$?[A-Za-z_][\w.]*(?:\/[A-Za-z_][\w.]*)*)/,
  ].map((r) => r.source).join('|'),
  'y',
);

interface Token { type: 'punct' | 'string' | 'typed' | 'member' | 'guid' | 'date' | 'number' | 'name'; text: string; at: number }

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    const [type, value] = Object.entries(match?.groups ?? {}).find(([, v]) => v !== undefined) ?? [];
    if (!match || !type || value === undefined) throw invalid(`unexpected "${text.slice(at, at + 12)}" at position ${at}`);
    if (type !== 'space') tokens.push({ type: type as Token['type'], text: value, at });
  }
  return tokens;
}

class Parser {
  private at = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expression {
    const expression = this.or();
    const rest = this.tokens[this.at];
    if (rest) throw invalid(`unexpected "${rest.text}" at position ${rest.at}`);
    return expression;
  }

  private peekWord = (word: string) => this.tokens[this.at]?.type === 'name' && this.tokens[this.at]!.text.toLowerCase() === word;
  private take() {
    const token = this.tokens[this.at++];
    if (!token) throw invalid('it ends too early');
    return token;
  }
  private expect(text: string) {
    const token = this.take();
    if (token.text !== text) throw invalid(`expected "${text}" at position ${token.at}, found "${token.text}"`);
  }

  private or(): Expression {
    let left = this.and();
    while (this.peekWord('or')) { this.at++; left = { kind: 'or', left, right: this.and() }; }
    return left;
  }

  private and(): Expression {
    let left = this.unary();
    while (this.peekWord('and')) { this.at++; left = { kind: 'and', left, right: this.unary() }; }
    return left;
  }

  private unary(): Expression {
    if (++this.depth > MAX_DEPTH) throw invalid(`it nests deeper than ${MAX_DEPTH}`);
    try {
      if (this.peekWord('not')) { this.at++; return { kind: 'not', operand: this.unary() }; }
      return this.comparison();
    } finally {
      this.depth--;
    }
  }

  private comparison(): Expression {
    if (this.tokens[this.at]?.text === '(') {
      // A parenthesised expression, unless it turns out to be an operand compared on.
      const start = this.at;
      this.at++;
      const inner = this.or();
      this.expect(')');
      if (!this.peekOperator()) return inner;
      this.at = start;
    }
    const left = this.operand();
    if (this.peekWord('in')) {
      this.at++;
      this.expect('(');
      const values: Literal[] = [this.literal()];
      while (this.tokens[this.at]?.text === ',') { this.at++; values.push(this.literal()); }
      this.expect(')');
      return { kind: 'in', operand: left, values };
    }
    const op = this.tokens[this.at];
    if (op?.type === 'name' && COMPARE.has(op.text.toLowerCase())) {
      this.at++;
      return { kind: 'compare', op: op.text.toLowerCase() as CompareOp, left, right: this.operand() };
    }
    return { kind: 'test', operand: left };
  }

  private peekOperator = () => ['in', ...COMPARE].some((word) => this.peekWord(word));

  private literal(): Literal {
    const operand = this.operand();
    if (operand.kind !== 'literal') throw invalid('an `in` list holds literals only');
    return operand;
  }

  private operand(): Operand {
    const token = this.take();
    switch (token.type) {
      case 'string': return { kind: 'literal', type: 'string', value: token.text.slice(1, -1).replace(/''/g, "'") };
      case 'guid': return { kind: 'literal', type: 'guid', value: token.text.toLowerCase() };
      case 'member': return { kind: 'literal', type: 'string', value: token.text.slice(token.text.indexOf("'") + 1, -1) };
      case 'date': return dateLiteral(token.text);
      case 'number': return { kind: 'literal', type: 'number', value: Number(token.text.replace(/[mMdDfFlL]$/, '')) };
      case 'typed': {
        const [, prefix = '', body = ''] = /^(\w+)'(.*)'$/.exec(token.text) ?? [];
        return prefix.toLowerCase() === 'guid' ? { kind: 'literal', type: 'guid', value: body.toLowerCase() } : dateLiteral(body);
      }
      case 'punct':
        if (token.text === '(') {
          const inner = this.operand();
          this.expect(')');
          return inner;
        }
        throw invalid(`unexpected "${token.text}" at position ${token.at}`);
      case 'name': return this.named(token);
    }
  }

  private named(token: Token): Operand {
    const word = token.text.toLowerCase();
    if (word === 'true' || word === 'false') return { kind: 'literal', type: 'boolean', value: word === 'true' };
    if (word === 'null') return { kind: 'literal', type: 'null', value: null };
    if (this.tokens[this.at]?.text !== '(') return { kind: 'property', path: token.text.split('/') };
    if (!FUNCTIONS.has(word)) throw invalid(`the function ${token.text} is not supported; use one of ${[...FUNCTIONS].join(', ')}`);
    this.at++;
    const args: Operand[] = [this.operand()];
    while (this.tokens[this.at]?.text === ',') { this.at++; args.push(this.operand()); }
    this.expect(')');
    return { kind: 'call', name: word, args };
  }
}

/** Parses an OData boolean expression; 400 `odata.invalid_expression` naming what is wrong. */
export function parseExpression(text: string): Expression {
  if (!text.trim()) throw invalid('it is empty');
  return new Parser(tokenize(text)).parse();
}
