import type { FlowDocument } from '../../../runtime/src/schema';
import type { FlowTestCase } from '../../../runtime/src/flowtests/schema';
import { samples } from '../../../samples';

export interface SampleInfo {
  id: string;
  name: string;
  description: string;
  locale: string;
}

export function listSamples(): SampleInfo[] {
  return samples.map((s) => ({ id: s.id, name: s.flow.name, description: s.flow.description, locale: s.flow.locale }));
}

/** A deep copy, so a created flow never shares objects with the catalogue. */
export function sampleFlow(id: string): FlowDocument | null {
  const sample = samples.find((s) => s.id === id);
  return sample ? structuredClone(sample.flow) : null;
}

export function allSampleFlows(): FlowDocument[] {
  return samples.map((s) => structuredClone(s.flow));
}

/** The sample's scripted conversations, which a flow created from it keeps as its test cases. */
export function sampleTests(id: string): FlowTestCase[] {
  return structuredClone(samples.find((s) => s.id === id)?.tests ?? []);
}
