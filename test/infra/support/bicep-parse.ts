/**
 * A small reader for the Bicep this repository writes (no Bicep compiler installs here):
 * top-level declarations, and their values as literals (objects, arrays, strings, numbers,
 * booleans, `[for ...]` loops) or, for anything else, the expression's text.
 */
export type BicepValue =
  | { kind: 'object'; entries: Map<string, BicepValue> }
  | { kind: 'array'; items: BicepValue[] }
  | { kind: 'string'; value: string; interpolated: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'for'; variable: string; source: string; body: BicepValue }
  | { kind: 'expression'; text: string };

export interface Declaration {
  keyword: 'param' | 'var' | 'resource' | 'module' | 'output';
  name: string;
  /** The resource type (without @version), module path, or param/output type. */
  type: string;
  existing: boolean;
  condition?: string;
  /** A param's default, or the declared value. */
  value?: BicepValue;
}

const HEADER =
  /^(?:(param)\s+(\w+)\s+([\w.[\]]+)(\s*=)?|(var)\s+(\w+)\s*=|(resource)\s+(\w+)\s+'([^'@]+)(?:@[^']*)?'\s+(existing\s+)?=|(module)\s+(\w+)\s+'([^']+)'\s*=|(output)\s+(\w+)\s+(\w+)\s*=)/gm;

export function parseBicep(source: string): Declaration[] {
  const text = stripComments(source);
  const declarations: Declaration[] = [];
  for (const m of text.matchAll(HEADER)) {
    const keyword = (m[1] ?? m[5] ?? m[7] ?? m[11] ?? m[14]) as Declaration['keyword'];
    const name = m[2] ?? m[6] ?? m[8] ?? m[12] ?? m[15] ?? '';
    const type = m[3] ?? m[9] ?? m[13] ?? m[16] ?? '';
    const hasValue = keyword !== 'param' || m[4] !== undefined;
    const reader = new Reader(text, m.index + m[0].length);
    let condition: string | undefined;
    reader.skipSpace();
    if (hasValue && reader.peekWord('if')) {
      reader.pos += 2;
      reader.skipSpace();
      condition = reader.balanced().slice(1, -1).trim();
    }
    declarations.push({ keyword, name, type, existing: Boolean(m[10]), condition, value: hasValue ? reader.value() : undefined });
  }
  return declarations;
}

/** Replaces // and /* *\/ comments with spaces, leaving strings (and their `//`) alone. */
export function stripComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === "'") {
      const end = skipString(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2) + 2;
      out += text.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    } else out += text[i++];
  }
  return out;
}

/** The index after the string starting at `start` ('...' with ${...} inside, or '''...'''). */
function skipString(text: string, start: number): number {
  if (text.startsWith("'''", start)) return text.indexOf("'''", start + 3) + 3;
  let i = start + 1;
  while (i < text.length && text[i] !== "'") {
    if (text[i] === '\\') i += 2;
    else if (text.startsWith('${', i)) i = new Reader(text, i + 1).balancedEnd();
    else i++;
  }
  return i + 1;
}

class Reader {
  constructor(
    readonly text: string,
    public pos: number,
  ) {}

  skipSpace(newlines = true) {
    while (this.pos < this.text.length && (newlines ? /[\s,]/ : /[ \t]/).test(this.text[this.pos]!)) this.pos++;
  }

  peekWord(word: string) {
    return this.text.startsWith(word, this.pos) && !/\w/.test(this.text[this.pos + word.length] ?? '');
  }

  /** The text of a bracketed group starting at pos, brackets included. */
  balanced(): string {
    const start = this.pos;
    this.pos = this.balancedEnd();
    return this.text.slice(start, this.pos);
  }

  balancedEnd(): number {
    let depth = 0;
    let i = this.pos;
    do {
      const c = this.text[i]!;
      if (c === "'") {
        i = skipString(this.text, i);
        continue;
      }
      if ('([{'.includes(c)) depth++;
      if (')]}'.includes(c)) depth--;
      i++;
    } while (depth > 0 && i < this.text.length);
    return i;
  }

  value(): BicepValue {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    const literal = /^(?:'|-?\d+\b|true\b|false\b)/.exec(this.text.slice(this.pos, this.pos + 24));
    const expression = this.expression();
    const trimmed = expression.trim();
    if (literal && trimmed.startsWith("'") && skipString(trimmed, 0) === trimmed.length) return stringValue(trimmed);
    if (/^-?\d+$/.test(trimmed)) return { kind: 'number', value: Number(trimmed) };
    if (/^(true|false)$/.test(trimmed)) return { kind: 'bool', value: trimmed === 'true' };
    return { kind: 'expression', text: trimmed };
  }

  /** Up to the end of the line, a comma, or a closing bracket, outside any bracket or string. */
  private expression(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !/[\n,\]})]/.test(this.text[this.pos]!)) {
      if (this.text[this.pos] === "'") this.pos = skipString(this.text, this.pos);
      else if ('([{'.includes(this.text[this.pos]!)) this.pos = this.balancedEnd();
      else this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  private object(): BicepValue {
    const entries = new Map<string, BicepValue>();
    this.pos++;
    for (this.skipSpace(); this.text[this.pos] !== '}'; this.skipSpace()) {
      const key = /^(?:'([^']*)'|([\w$]+))\s*:/.exec(this.text.slice(this.pos));
      if (!key) throw new SyntaxError(`cannot read an object key at ${JSON.stringify(this.text.slice(this.pos, this.pos + 40))}`);
      this.pos += key[0].length;
      entries.set(key[1] ?? key[2]!, this.value());
    }
    this.pos++;
    return { kind: 'object', entries };
  }

  private array(): BicepValue {
    this.pos++;
    this.skipSpace();
    const loop = /^for\s+(?:(\w+)|\(\s*(\w+)\s*,\s*\w+\s*\))\s+in\s+/.exec(this.text.slice(this.pos));
    if (loop) {
      this.pos += loop[0].length;
      const sourceStart = this.pos;
      while (this.text[this.pos] !== ':') this.pos = this.text[this.pos] === '(' ? this.balancedEnd() : this.pos + 1;
      const source = this.text.slice(sourceStart, this.pos++).trim();
      const body = this.value();
      this.skipSpace();
      this.pos++;
      return { kind: 'for', variable: loop[1] ?? loop[2]!, source, body };
    }
    const items: BicepValue[] = [];
    for (; this.text[this.pos] !== ']'; this.skipSpace()) items.push(this.value());
    this.pos++;
    return { kind: 'array', items };
  }
}

function stringValue(quoted: string): BicepValue {
  const raw = quoted.startsWith("'''") ? quoted.slice(3, -3) : quoted.slice(1, -1).replace(/\\(.)/g, '$1');
  return { kind: 'string', value: raw, interpolated: !quoted.startsWith("'''") && raw.includes('${') };
}
