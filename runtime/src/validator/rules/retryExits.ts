import { isConnected, type ValidationContext } from '../context';
import { nodeName } from '../describe';
import { problem, type Problem } from '../problem';
import { exitLabel } from '../../schema/exitLabels';
import { DEFAULT_MAX_RETRIES } from '../../schema/nodes/question';

/**
 * A question's "Invalid answer" or a choice's "Didn't match" exit that leads nowhere: after the
 * retries the engine gives up as the flow settings say. Worth knowing, so the builder can route
 * it themselves; named with the canvas's words for the exit.
 */
export function retryExits(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  const afterwards =
    ctx.flow.settings.afterRetries.action === 'handoff'
      ? 'the bot apologises and passes the conversation to your team'
      : 'the bot apologises and ends the conversation';
  for (const node of ctx.nodeById.values()) {
    if (node.type !== 'question' && node.type !== 'choice') continue;
    const handle = node.type === 'question' ? 'invalid' : 'noMatch';
    if (isConnected(ctx, node.id, handle)) continue;
    const retries = node.type === 'question' ? (node.data.maxRetries ?? DEFAULT_MAX_RETRIES) : DEFAULT_MAX_RETRIES;
    const attempts = retries + 1;
    const what = node.type === 'question' ? 'wrong answers' : 'answers that match no option';
    found.push(
      problem(
        'retry-exit-unconnected',
        `The "${exitLabel(handle)}" exit of ${nodeName(node)} is not connected. After ${attempts} ${what}, ${afterwards} (Flow settings → Conversation). Connect the exit to decide yourself.`,
        { nodeId: node.id, handle },
      ),
    );
  }
  return found;
}
