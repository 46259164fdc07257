import type { TrainInput } from './train';

/** One line of an evaluation file. */
export interface LabelledText {
  text: string;
  intent: string;
}

/** The label that means "out of scope": a none example in training, an expected fallback in testing. */
export const OOS_INTENT = 'oos';

/** Parses `{"text","intent"}` JSON lines; blank lines are skipped, anything else bad is reported with its line number. */
export function parseJsonl(content: string, source = 'input'): LabelledText[] {
  const out: LabelledText[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${source}:${i + 1}: not valid JSON`);
    }
    const v = value as Partial<LabelledText> | null;
    if (typeof v?.text !== 'string' || typeof v.intent !== 'string' || v.intent === '') {
      throw new Error(`${source}:${i + 1}: expected {"text": string, "intent": string}`);
    }
    out.push({ text: v.text, intent: v.intent });
  });
  return out;
}

/** Groups labelled lines into classifier input, intents in order of first appearance. */
export function toTrainInput(items: LabelledText[], locale: string): TrainInput {
  const byIntent = new Map<string, string[]>();
  const noneExamples: string[] = [];
  for (const { text, intent } of items) {
    if (intent === OOS_INTENT) noneExamples.push(text);
    else {
      const list = byIntent.get(intent) ?? [];
      list.push(text);
      byIntent.set(intent, list);
    }
  }
  return { intents: [...byIntent].map(([name, examples]) => ({ name, examples })), noneExamples, locale };
}
