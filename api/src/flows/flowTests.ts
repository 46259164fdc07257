import { flowTestSuiteSchema, type FlowTestCase } from '../../../runtime/src/flowtests/schema';
import { zodIssues } from '../../../runtime/src/schema';
import { badRequest } from '../http/errors';

/** Parses a whole test suite at the API edge; details carry paths like `tests.0.steps.2.input`. */
export function parseTestSuite(raw: unknown, prefix = 'tests'): FlowTestCase[] {
  const parsed = flowTestSuiteSchema.safeParse(raw);
  if (!parsed.success) {
    throw badRequest(
      'invalid_tests',
      'The test cases are not valid',
      zodIssues(parsed.error).map((i) => ({ path: [prefix, i.path].filter(Boolean).join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

/**
 * An export file is the flow document with its test cases as a `tests` sibling (the document
 * schema is strict and shared with the engine, so they cannot live inside it). On import the
 * sibling is taken off before the document is parsed; `tests` sent beside `document` wins.
 */
export function splitImport(document: unknown, tests: unknown): { document: unknown; tests: FlowTestCase[] } {
  if (typeof document !== 'object' || document === null || Array.isArray(document) || !('tests' in document)) {
    return { document, tests: tests === undefined ? [] : parseTestSuite(tests) };
  }
  const { tests: embedded, ...rest } = document as Record<string, unknown>;
  if (tests !== undefined) return { document: rest, tests: parseTestSuite(tests) };
  return { document: rest, tests: parseTestSuite(embedded, 'document.tests') };
}

/** The export file: a bare document when there are no tests, so it stays valid for any reader of the schema. */
export function exportFile(flow: object, tests: readonly FlowTestCase[]): object {
  return tests.length === 0 ? flow : { ...flow, tests };
}
