export type TextDiffOp = 'equal' | 'insert' | 'delete';

export interface TextDiffPart {
  op: TextDiffOp;
  text: string;
}

/**
 * Words, runs of whitespace and single punctuation marks, so that "card." -> "card!" shows
 * only the mark as changed and joining the parts of either side gives back its exact text.
 */
const TOKEN = /\s+|[\p{L}\p{N}\p{M}_'’-]+|[^\s\p{L}\p{N}\p{M}_'’-]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Above this many table cells (e.g. two 3,000-word texts with nothing in common) the texts are
 * shown as replaced wholesale, so a diff never costs more than a few megabytes.
 */
const MAX_CELLS = 4_000_000;

/**
 * A word-level diff for showing a text change "before -> after". The parts in order, with
 * `equal` and `delete` joined, give `before`; with `equal` and `insert`, `after`. Within a
 * replaced stretch the deletion comes first, as readers expect.
 */
export function diffWords(before: string, after: string): TextDiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: TextDiffPart[] = [];
  push(parts, 'equal', a.slice(0, start));
  for (const [op, tokens] of middle(a.slice(start, endA), b.slice(start, endB))) push(parts, op, tokens);
  push(parts, 'equal', a.slice(endA));
  return parts;
}

function push(parts: TextDiffPart[], op: TextDiffOp, tokens: readonly string[]): void {
  if (tokens.length === 0) return;
  const text = tokens.join('');
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Longest common subsequence over the differing middle, walked back into runs. */
function middle(a: readonly string[], b: readonly string[]): [TextDiffOp, string[]][] {
  if (a.length === 0 || b.length === 0 || (a.length + 1) * (b.length + 1) > MAX_CELLS) {
    return [
      ['delete', [...a]],
      ['insert', [...b]],
    ];
  }
  const width = b.length + 1;
  // lcs[i][j] = LCS length of a[i..] and b[j..]; lengths are below 2^16 given MAX_CELLS.
  const lcs = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const runs: [TextDiffOp, string[]][] = [];
  const add = (op: TextDiffOp, token: string) => {
    const last = runs[runs.length - 1];
    if (last && last[0] === op) last[1].push(token);
    else runs.push([op, [token]]);
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      add('equal', a[i]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      add('delete', a[i++]!);
    } else {
      add('insert', b[j++]!);
    }
  }
  while (i < a.length) add('delete', a[i++]!);
  while (j < b.length) add('insert', b[j++]!);
  return groupChanges(runs);
}

/**
 * Between two equal stretches, all deleted words come first, then all inserted ones, and a
 * lone space between two changes joins them: "~~a b~~ c d" rather than "~~a~~ c ~~b~~ d".
 */
function groupChanges(runs: [TextDiffOp, string[]][]): [TextDiffOp, string[]][] {
  const out: [TextDiffOp, string[]][] = [];
  let deleted: string[] = [];
  let inserted: string[] = [];
  const flush = () => {
    if (deleted.length > 0) out.push(['delete', deleted]);
    if (inserted.length > 0) out.push(['insert', inserted]);
    deleted = [];
    inserted = [];
  };
  runs.forEach(([op, tokens], k) => {
    const pending = deleted.length > 0 || inserted.length > 0;
    const bridge = op === 'equal' && pending && k + 1 < runs.length && tokens.every((t) => /^\s+$/.test(t));
    if (op === 'delete' || bridge) deleted.push(...tokens);
    if (op === 'insert' || bridge) inserted.push(...tokens);
    if (op === 'equal' && !bridge) {
      flush();
      out.push([op, tokens]);
    }
  });
  flush();
  return out;
}
