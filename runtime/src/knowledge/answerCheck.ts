import { NO_ANSWER_TOKEN } from './prompt';

export type NoAnswerReason = 'nothingRetrieved' | 'modelSaidNoAnswer' | 'noCitation' | 'instructionsEcho' | 'empty';

export type CheckedAnswer = { ok: true; text: string; cited: number[] } | { ok: false; reason: NoAnswerReason };

/** Words in a row from the instructions that, found in an answer, count as the instructions echoed. */
const ECHO_WINDOW = 6;

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Whether the answer repeats the instructions: their nonce, or any six of their words in a row. */
export function echoesInstructions(answer: string, instructions: readonly string[], nonce: string): boolean {
  if (answer.includes(nonce)) return true;
  const text = ` ${normalize(answer)} `;
  for (const line of instructions) {
    const words = normalize(line).split(' ').filter(Boolean);
    for (let i = 0; i + ECHO_WINDOW <= words.length; i++) {
      if (text.includes(` ${words.slice(i, i + ECHO_WINDOW).join(' ')} `)) return true;
    }
  }
  return false;
}

/**
 * Citation markers `[1]`, `[2, 3]` in the answer: the valid passage numbers cited, and the text
 * without any marker. A linear scan; a bracket that holds anything but numbers stays as written.
 */
export function citations(answer: string, passageCount: number): { cited: number[]; text: string } {
  const cited = new Set<number>();
  let out = '';
  let i = 0;
  while (i < answer.length) {
    if (answer[i] === '[') {
      // Looked for within a short window, so a text full of "[" stays linear.
      const near = answer.slice(i + 1, i + 41).indexOf(']');
      const close = near === -1 ? -1 : i + 1 + near;
      const inside = close === -1 ? null : answer.slice(i + 1, close);
      if (inside !== null && /^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/.test(inside)) {
        for (const n of inside.split(',').map((s) => Number(s.trim()))) if (n >= 1 && n <= passageCount) cited.add(n);
        // The space before a marker goes with it: "30 days [1]." reads "30 days."
        let end = out.length;
        while (end > 0 && (out[end - 1] === ' ' || out[end - 1] === '\t')) end--;
        out = out.slice(0, end);
        i = close + 1;
        continue;
      }
    }
    out += answer[i];
    i++;
  }
  return { cited: [...cited].sort((a, b) => a - b), text: out };
}

/**
 * The post-check on what the model said. `NO_ANSWER` (anywhere), an empty answer, an answer that
 * echoes the instructions, or one that cites none of the retrieved passages gives the customer no
 * answer (the step's `noAnswer` output); otherwise the answer without its citation markers.
 */
export function checkAnswer(raw: string, passageCount: number, instructions: readonly string[], nonce: string): CheckedAnswer {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  // Echo first: the instructions themselves mention NO_ANSWER, and a leak is the graver finding.
  if (echoesInstructions(trimmed, instructions, nonce)) return { ok: false, reason: 'instructionsEcho' };
  if (trimmed.includes(NO_ANSWER_TOKEN)) return { ok: false, reason: 'modelSaidNoAnswer' };
  const { cited, text } = citations(trimmed, passageCount);
  if (cited.length === 0) return { ok: false, reason: 'noCitation' };
  return { ok: true, text: text.trim(), cited };
}

/**
 * What the customer may see of an answer still streaming in: nothing while it could still turn
 * out to be `NO_ANSWER`, the text without citation markers after that, and null from the moment
 * it says `NO_ANSWER` or echoes the instructions (the draft is then withdrawn).
 */
export function visibleDraft(raw: string, instructions: readonly string[], nonce: string): string | null {
  const trimmed = raw.trimStart();
  if (trimmed.includes(NO_ANSWER_TOKEN) || echoesInstructions(trimmed, instructions, nonce)) return null;
  if (NO_ANSWER_TOKEN.startsWith(trimmed.trimEnd())) return '';
  return citations(trimmed, Number.MAX_SAFE_INTEGER).text;
}
