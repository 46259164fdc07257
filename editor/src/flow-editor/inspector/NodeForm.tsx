import { assertNever, type FlowNode } from '@switchboard/runtime';
import { ChoiceForm } from './ChoiceForm';
import { ConditionForm } from './ConditionForm';
import { EndForm } from './EndForm';
import { FaqForm } from './FaqForm';
import { HandoffForm } from './HandoffForm';
import { HttpRequestForm } from './HttpRequestForm';
import { IntentForm } from './IntentForm';
import { JumpForm } from './JumpForm';
import { MessageForm } from './MessageForm';
import { QuestionForm } from './QuestionForm';
import { SatisfactionForm } from './SatisfactionForm';
import { SetForm } from './SetForm';
import { StartForm } from './StartForm';

export function NodeForm({ node }: { node: FlowNode }) {
  switch (node.type) {
    case 'start':
      return <StartForm node={node} />;
    case 'message':
      return <MessageForm node={node} />;
    case 'question':
      return <QuestionForm node={node} />;
    case 'choice':
      return <ChoiceForm node={node} />;
    case 'condition':
      return <ConditionForm node={node} />;
    case 'set':
      return <SetForm node={node} />;
    case 'handoff':
      return <HandoffForm node={node} />;
    case 'jump':
      return <JumpForm node={node} />;
    case 'end':
      return <EndForm node={node} />;
    case 'intent':
      return <IntentForm node={node} />;
    case 'faq':
      return <FaqForm node={node} />;
    case 'httpRequest':
      return <HttpRequestForm node={node} />;
    case 'satisfaction':
      return <SatisfactionForm node={node} />;
    default:
      return assertNever(node);
  }
}
