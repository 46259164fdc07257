/**
 * Arithmetic for `set` assignments in `math` mode: numbers, variable names, `{{name}}`
 * placeholders, + - * / %, parentheses and unary minus. A hand-written recursive-descent parser
 * so that nothing a flow author types is ever run as JavaScript.
 */

export type MathExpr =
  | { k: 'num'; value: number }
  | { k: 'var'; name: string }
  | { k: 'neg'; arg: MathExpr }
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '%'; left: MathExpr; right: MathExpr };

export type ParseResult = { ok: true; expr: MathExpr } | { ok: false; message: string };

type Token = { t: 'num'; value: number } | { t: 'var'; name: string } | { t: 'op'; op: string };

const TOKEN_RE = /(?:(\d+(?:\.\d+)?|\.\d+)|\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}|([A-Za-z_][A-Za-z0-9_]*)|([-+*/%()]))/y;
const MAX_DEPTH = 64;

function tokenize(source: string): Token[] | string {
  const out: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
    if (pos >= source.length) break;
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(source);
    if (!m) return `unexpected "${source.slice(pos, pos + 10)}"`;
    pos = TOKEN_RE.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'var', name: m[2] });
    else if (m[3] !== undefined) out.push({ t: 'var', name: m[3] });
    else out.push({ t: 'op', op: m[4]! });
  }
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): MathExpr {
    if (this.tokens.length === 0) throw new SyntaxError('the expression is empty');
    const expr = this.sum(0);
    const rest = this.tokens[this.pos];
    if (rest) throw new SyntaxError(`unexpected ${describe(rest)}`);
    return expr;
  }

  private peekOp(): string | null {
    const tok = this.tokens[this.pos];
    return tok?.t === 'op' ? tok.op : null;
  }

  private sum(depth: number): MathExpr {
    let left = this.product(depth);
    for (let op = this.peekOp(); op === '+' || op === '-'; op = this.peekOp()) {
      this.pos++;
      left = { k: 'bin', op, left, right: this.product(depth) };
    }
    return left;
  }

  private product(depth: number): MathExpr {
    let left = this.unary(depth);
    for (let op = this.peekOp(); op === '*' || op === '/' || op === '%'; op = this.peekOp()) {
      this.pos++;
      left = { k: 'bin', op, left, right: this.unary(depth) };
    }
    return left;
  }

  private unary(depth: number): MathExpr {
    if (depth > MAX_DEPTH) throw new SyntaxError('the expression is nested too deeply');
    const op = this.peekOp();
    if (op === '-' || op === '+') {
      this.pos++;
      const arg = this.unary(depth + 1);
      return op === '-' ? { k: 'neg', arg } : arg;
    }
    return this.primary(depth);
  }

  private primary(depth: number): MathExpr {
    const tok = this.tokens[this.pos++];
    if (!tok) throw new SyntaxError('the expression ends too early');
    if (tok.t === 'num') return { k: 'num', value: tok.value };
    if (tok.t === 'var') return { k: 'var', name: tok.name };
    if (tok.op === '(') {
      const inner = this.sum(depth + 1);
      if (this.peekOp() !== ')') throw new SyntaxError('a ")" is missing');
      this.pos++;
      return inner;
    }
    throw new SyntaxError(`unexpected ${describe(tok)}`);
  }
}

function describe(tok: Token): string {
  if (tok.t === 'num') return `number ${tok.value}`;
  if (tok.t === 'var') return `name "${tok.name}"`;
  return `"${tok.op}"`;
}

export function parseMath(source: string): ParseResult {
  const tokens = tokenize(source);
  if (typeof tokens === 'string') return { ok: false, message: tokens };
  try {
    return { ok: true, expr: new Parser(tokens).parse() };
  } catch (e) {
    if (e instanceof SyntaxError) return { ok: false, message: e.message };
    throw e;
  }
}

/** Variable names an expression reads, for the validator and editor. */
export function mathVariables(expr: MathExpr, into: Set<string> = new Set()): Set<string> {
  switch (expr.k) {
    case 'num':
      break;
    case 'var':
      into.add(expr.name);
      break;
    case 'neg':
      mathVariables(expr.arg, into);
      break;
    case 'bin':
      mathVariables(expr.left, into);
      mathVariables(expr.right, into);
      break;
  }
  return into;
}

export type EvalResult =
  | { ok: true; value: number }
  | { ok: false; code: 'divisionByZero' | 'notANumber' | 'overflow'; variable?: string };

class EvalFailure {
  constructor(readonly result: Extract<EvalResult, { ok: false }>) {}
}

type NumberLookup = (name: string) => number | null;

// A module function rather than a closure per call: under tsx every named closure also pays
// a `defineProperty` for its name.
function run(e: MathExpr, lookup: NumberLookup): number {
  switch (e.k) {
    case 'num':
      return e.value;
    case 'var': {
      const v = lookup(e.name);
      if (v === null) throw new EvalFailure({ ok: false, code: 'notANumber', variable: e.name });
      return v;
    }
    case 'neg':
      return -run(e.arg, lookup);
    case 'bin': {
      const l = run(e.left, lookup);
      const r = run(e.right, lookup);
      switch (e.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
        case '%':
          if (r === 0) throw new EvalFailure({ ok: false, code: 'divisionByZero' });
          return e.op === '/' ? l / r : l % r;
      }
    }
  }
}

/** Evaluates with `lookup` giving each variable as a number, or null if it holds none. */
export function evaluateMath(expr: MathExpr, lookup: NumberLookup): EvalResult {
  try {
    const value = run(expr, lookup);
    if (!Number.isFinite(value)) return { ok: false, code: 'overflow' };
    // 15 significant digits hide binary float noise: 0.1 + 0.2 is stored as 0.3, as a person expects.
    return { ok: true, value: Number(value.toPrecision(15)) + 0 };
  } catch (e) {
    if (e instanceof EvalFailure) return e.result;
    throw e;
  }
}
