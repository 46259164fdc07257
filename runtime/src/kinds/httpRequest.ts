import type { KindRuntime } from './types';
import { NO_INPUT, quote, textsReads } from './helpers';
import { enterHttpRequest } from '../engine/nodes/httpRequest';

export const httpRequestKind: KindRuntime<'httpRequest'> = {
  name: (node) => (node.data.url.trim() ? `the ${node.data.method} request to ${quote(node.data.url)}` : 'an HTTP request with no URL'),
  texts: () => ({}),
  // Secret references are no variables: `{{secret.X}}` does not match the variable syntax.
  reads: (node) => textsReads([node.data.url, node.data.body, ...node.data.headers.map((h) => h.value)]),
  writes(node, handle) {
    if (handle === 'success') return node.data.responseMapping.map((m) => m.variable);
    return node.data.errorVariable !== undefined ? [node.data.errorVariable] : [];
  },
  renameVariable: (d, r) => ({
    ...d,
    url: r.template(d.url),
    headers: d.headers.map((h) => ({ ...h, value: r.template(h.value) })),
    ...(d.body !== undefined ? { body: r.template(d.body) } : {}),
    responseMapping: d.responseMapping.map((m) => ({ ...m, variable: r.name(m.variable) })),
    ...(d.errorVariable !== undefined ? { errorVariable: r.name(d.errorVariable) } : {}),
  }),
  enter: enterHttpRequest,
  // A session waits at an HTTP request only while the host runs it; a reply meanwhile is not for it.
  answer: null,
  expectedInput: NO_INPUT,
};
