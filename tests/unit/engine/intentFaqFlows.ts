import type { FlowDocument } from '../../../runtime/src/schema';
import { edge, flowOf, startTo } from './helpers';

/** An order-help bot: a free-text intent step routing to three answers, with a fallback. */
export function intentFlow(opts: { fallback?: boolean; text?: string; locale?: string; threshold?: number } = {}): FlowDocument {
  return flowOf({
    locale: opts.locale ?? 'en',
    settings: { fallbackText: "Sorry, I didn't get that." },
    variables: [
      { name: 'intent', type: 'string' },
      { name: 'confidence', type: 'number' },
    ],
    nodes: [
      ...startTo('understand').nodes,
      {
        id: 'understand',
        type: 'intent',
        data: {
          ...(opts.text !== undefined ? { text: opts.text } : {}),
          ...(opts.threshold !== undefined ? { threshold: opts.threshold } : {}),
          intents: [
            {
              id: 'track',
              name: 'track order',
              examples: ['where is my order', 'track my parcel', 'when will my package arrive', 'order status', 'has my order shipped'],
            },
            {
              id: 'refund',
              name: 'refund',
              examples: ['I want my money back', 'refund please', 'how do I get a refund', 'return an item for a refund', 'give me back my money'],
            },
            {
              id: 'hours',
              name: 'opening hours',
              examples: ['when are you open', 'opening hours', 'what time do you close', 'are you open on sunday', 'business hours'],
            },
          ],
          noneExamples: ['what is the weather like', 'tell me a joke', 'who won the football match'],
          intentVariable: 'intent',
          confidenceVariable: 'confidence',
        },
      },
      { id: 'm-track', type: 'message', data: { text: 'Let me look up your order.' } },
      { id: 'm-refund', type: 'message', data: { text: 'Refunds take 5 days.' } },
      { id: 'm-hours', type: 'message', data: { text: 'We are open 9-17.' } },
      { id: 'm-fallback', type: 'message', data: { text: 'Let me get you a person.' } },
    ],
    edges: [
      ...startTo('understand').edges,
      edge('understand', 'm-track', 'track'),
      edge('understand', 'm-refund', 'refund'),
      edge('understand', 'm-hours', 'hours'),
      ...(opts.fallback === false ? [] : [edge('understand', 'm-fallback', 'fallback')]),
    ],
  });
}

export function faqFlow(opts: { askHelpful?: boolean; fallback?: boolean } = {}): FlowDocument {
  return flowOf({
    nodes: [
      ...startTo('faq').nodes,
      {
        id: 'faq',
        type: 'faq',
        data: {
          text: 'Ask me a question.',
          items: [
            { id: 'shipping', question: 'How much is shipping?', variants: ['delivery cost', 'do you charge for delivery'], answer: 'Shipping is free over 100 PLN.' },
            { id: 'returns', question: 'How do I return an item?', variants: ['return policy', 'can I send it back'], answer: 'You have 30 days to return.' },
            { id: 'payment', question: 'Which payment methods do you accept?', variants: ['can I pay by card', 'do you take blik'], answer: 'Card, BLIK and transfer.' },
          ],
          ...(opts.askHelpful ? { askHelpful: true } : {}),
        },
      },
      { id: 'after', type: 'message', data: { text: 'Anything else?' } },
      { id: 'human', type: 'message', data: { text: 'I will ask a colleague.' } },
    ],
    edges: [
      ...startTo('faq').edges,
      edge('faq', 'after', 'answered'),
      ...(opts.fallback === false ? [] : [edge('faq', 'human', 'fallback')]),
    ],
  });
}
