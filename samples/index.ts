import type { FlowDocument } from '../runtime/src/schema/flow';
import { parseFlowDocument, zodIssues } from '../runtime/src/schema/flow';
import { flowTestSuiteSchema, type FlowTestCase } from '../runtime/src/flowtests/schema';
// Static JSON imports so that Vite bundles the samples for the editor and Node (tsx) reads the
// same files, with no file-system access in the browser.
import ecommerceOrdersPl from './ecommerce-orders-pl.flow.json' with { type: 'json' };
import ecommerceOrdersPlTests from './ecommerce-orders-pl.tests.json' with { type: 'json' };
import bankCardEn from './bank-card-en.flow.json' with { type: 'json' };
import bankCardEnTests from './bank-card-en.tests.json' with { type: 'json' };
import hotelBookingEn from './hotel-booking-en.flow.json' with { type: 'json' };
import hotelBookingEnTests from './hotel-booking-en.tests.json' with { type: 'json' };
import supportHoursPl from './support-hours-pl.flow.json' with { type: 'json' };
import supportHoursPlTests from './support-hours-pl.tests.json' with { type: 'json' };

export interface Sample {
  /** The flow document's id, e.g. `sample-bank-card-en`. */
  id: string;
  /** The flow file inside `samples/`. */
  file: string;
  name: string;
  description: string;
  locale: string;
  flow: FlowDocument;
  /** Scripted conversations that pass on `flow`; stored with a flow created from the sample. */
  tests: FlowTestCase[];
}

function describeIssues(issues: { path: string; message: string }[]): string {
  return issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
}

/** A broken sample is a bug in the repository, so it fails loudly at load time with where it is. */
function loadSample(slug: string, rawFlow: unknown, rawTests: unknown): Sample {
  const file = `${slug}.flow.json`;
  const parsed = parseFlowDocument(rawFlow);
  if (!parsed.ok) throw new Error(`Sample ${file} is not a valid flow document: ${describeIssues(parsed.issues)}`);
  const tests = flowTestSuiteSchema.safeParse(rawTests);
  if (!tests.success) throw new Error(`Sample tests ${slug}.tests.json are invalid: ${describeIssues(zodIssues(tests.error))}`);
  const { flow } = parsed;
  return { id: flow.id, file, name: flow.name, description: flow.description, locale: flow.locale, flow, tests: tests.data };
}

export const samples: readonly Sample[] = [
  loadSample('ecommerce-orders-pl', ecommerceOrdersPl, ecommerceOrdersPlTests),
  loadSample('bank-card-en', bankCardEn, bankCardEnTests),
  loadSample('hotel-booking-en', hotelBookingEn, hotelBookingEnTests),
  loadSample('support-hours-pl', supportHoursPl, supportHoursPlTests),
];

export function sampleById(id: string): Sample | undefined {
  return samples.find((s) => s.id === id);
}
