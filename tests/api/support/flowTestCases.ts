import type { FlowTestCase } from '../../../runtime/src/flowtests/schema';

/** Passes on `validFlow()`: asks for the order number, then thanks with it. */
export function orderCase(id = 'order-given', thanks = 'Thanks, A-17 is on its way.'): FlowTestCase {
  return {
    id,
    name: `Customer gives an order number (${id})`,
    steps: [
      { input: null, expect: ['Your order number?'] },
      { input: { type: 'text', text: 'A-17' }, expect: [thanks] },
    ],
    expectStatus: 'completed',
    expectVariables: { order: 'A-17' },
  };
}
