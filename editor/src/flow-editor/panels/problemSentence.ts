import type { TFunction } from 'i18next';
import { DEFAULT_MAX_RETRIES, type FlowNode, type Problem } from '@switchboard/runtime';
import { nodeSummary } from '../kinds';
import { truncate } from '../model/truncate';

export interface SentenceContext {
  /** The step the problem is about, when it is about one that still exists. */
  node: FlowNode | undefined;
  /** What the flow does when retries run out, for the retry-exit sentence. */
  afterRetries: 'handoff' | 'end';
}

/** A step as the canvas shows it: its text, then its kind ("Your email?" (Question)). */
export function stepName(node: FlowNode, t: TFunction): string {
  const kind = t(`inspector:kinds.${node.type}`);
  const summary = truncate(nodeSummary(node), 40);
  return summary ? t('problems.stepNamed', { summary, kind }) : t('problems.stepKind', { kind });
}

/** An exit as the canvas labels it: a named exit's label, or the option, branch or intent the builder wrote. */
export function exitName(node: FlowNode, handle: string, t: TFunction): string {
  const named = t(`canvas:handles.${handle}`, { defaultValue: '' });
  if (named) return named;
  if (node.type === 'choice') return node.data.options.find((o) => o.id === handle)?.label ?? handle;
  if (node.type === 'condition') return node.data.branches.find((b) => b.id === handle)?.label ?? handle;
  if (node.type === 'intent') return node.data.intents.find((i) => i.id === handle)?.name ?? handle;
  return handle;
}

const EXIT_PROBE = '\u0000exit\u0000';

function attemptsOf(node: FlowNode): number {
  const retries = node.type === 'question' ? (node.data.maxRetries ?? DEFAULT_MAX_RETRIES) : DEFAULT_MAX_RETRIES;
  return retries + 1;
}

/**
 * The problem as one plain sentence in the editor's language, naming the step and its exit the
 * way the canvas does. English keeps the validator's own sentence, which carries details the
 * sentence templates cannot (variable names, loop members); other languages use the templates.
 */
export function problemSentence(problem: Problem, ctx: SentenceContext, t: TFunction, language: string): string {
  if (language === 'en') return problem.message;
  const { node } = ctx;
  const key = `problems.sentences.${problem.code}`;
  if (!node) return t(`${key}.flow`);
  const values = { step: stepName(node, t), attempts: attemptsOf(node), afterwards: t(`problems.afterwards.${ctx.afterRetries}`) };
  if (problem.handle) return t(`${key}.step`, { ...values, exit: exitName(node, problem.handle, t) });
  // A sentence that names an exit cannot be said without one; the step-less sentence still reads whole.
  const probe = t(`${key}.step`, { ...values, exit: EXIT_PROBE });
  return probe.includes(EXIT_PROBE) ? t(`${key}.flow`) : probe;
}
