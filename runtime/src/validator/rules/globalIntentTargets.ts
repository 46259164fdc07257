import type { ValidationContext } from '../context';
import { optionLabel, quote } from '../describe';
import { problem, type Problem } from '../problem';

export function globalIntentTargets(ctx: ValidationContext): Problem[] {
  return ctx.flow.settings.globalIntents.intents
    .filter((i) => !ctx.nodeById.has(i.target))
    .map((i) =>
      problem(
        'global-intent-missing-target',
        i.target.trim()
          ? `The global intent ${optionLabel(i.name)} leads to the step ${quote(i.target)}, which does not exist. Choose the step it should go to.`
          : `The global intent ${optionLabel(i.name)} does not say which step to go to.`,
      ),
    );
}
