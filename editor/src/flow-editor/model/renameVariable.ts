import { variableNameSchema, assertNever, jsonEqual, type FlowDocument, type FlowNode } from '@switchboard/runtime';

type Meta = Omit<FlowDocument, 'nodes' | 'edges'>;

export interface RenameResult<M extends Meta, N extends FlowNode> {
  meta: M;
  nodes: N[];
  /** Ids of the nodes whose data changed; every other node is returned as the same object. */
  changedNodeIds: string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Rewrites `{{old}}` (spaces inside the braces tolerated and kept) in free text. The closing
 * braces must follow the name directly, so `{{older}}` is never touched.
 */
function templateReplacer(oldName: string, newName: string): (text: string) => string {
  const re = new RegExp(`\\{\\{(\\s*)${escapeRegExp(oldName)}(\\s*)\\}\\}`, 'g');
  return (text) => (text.includes(oldName) ? text.replace(re, (_m, a: string, b: string) => `{{${a}${newName}${b}}}`) : text);
}

/** Math expressions may name variables bare (`total * 1.23`) as well as in braces. */
function identifierReplacer(oldName: string, newName: string): (text: string) => string {
  const re = new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(oldName)}(?![A-Za-z0-9_])`, 'g');
  return (text) => (text.includes(oldName) ? text.replace(re, newName) : text);
}

/** The node's data with every reference to `oldName` pointing at `newName`. */
export function renameInData(node: FlowNode, oldName: string, newName: string): FlowNode['data'] {
  const tpl = templateReplacer(oldName, newName);
  const ident = identifierReplacer(oldName, newName);
  const optTpl = (s: string | undefined) => (s === undefined ? undefined : tpl(s));
  const varName = (v: string) => (v === oldName ? newName : v);
  switch (node.type) {
    case 'start':
    case 'jump':
      return node.data;
    case 'message': {
      const d = node.data;
      return {
        ...d,
        text: tpl(d.text),
        ...(d.image ? { image: { url: tpl(d.image.url), alt: tpl(d.image.alt) } } : {}),
        ...(d.links ? { links: d.links.map((l) => ({ label: tpl(l.label), url: tpl(l.url) })) } : {}),
      };
    }
    case 'question': {
      const d = node.data;
      return {
        ...d,
        text: tpl(d.text),
        variable: varName(d.variable),
        ...(d.retryText !== undefined ? { retryText: tpl(d.retryText) } : {}),
        ...(d.placeholder !== undefined ? { placeholder: tpl(d.placeholder) } : {}),
      };
    }
    case 'choice': {
      const d = node.data;
      return {
        ...d,
        text: tpl(d.text),
        options: d.options.map((o) => ({ ...o, label: tpl(o.label) })),
        ...(d.variable !== undefined ? { variable: varName(d.variable) } : {}),
      };
    }
    case 'condition':
      return {
        branches: node.data.branches.map((b) => ({
          ...b,
          rules: b.rules.map((r) => ({
            ...r,
            variable: varName(r.variable),
            ...(typeof r.value === 'string' ? { value: tpl(r.value) } : {}),
          })),
        })),
      };
    case 'set':
      return {
        assignments: node.data.assignments.map((a) => ({
          ...a,
          variable: varName(a.variable),
          value: typeof a.value === 'string' ? (a.mode === 'math' ? ident(a.value) : tpl(a.value)) : a.value,
        })),
      };
    case 'handoff': {
      const d = node.data;
      const note = optTpl(d.note);
      return { ...d, text: tpl(d.text), ...(note !== undefined ? { note } : {}) };
    }
    case 'end': {
      const text = optTpl(node.data.text);
      return text !== undefined ? { text } : {};
    }
    case 'intent': {
      const d = node.data;
      return {
        ...d,
        ...(d.text !== undefined ? { text: tpl(d.text) } : {}),
        ...(d.intentVariable !== undefined ? { intentVariable: varName(d.intentVariable) } : {}),
        ...(d.confidenceVariable !== undefined ? { confidenceVariable: varName(d.confidenceVariable) } : {}),
      };
    }
    case 'faq': {
      const d = node.data;
      return {
        ...d,
        ...(d.text !== undefined ? { text: tpl(d.text) } : {}),
        items: d.items.map((i) => ({ ...i, answer: tpl(i.answer) })),
        ...(d.helpfulText !== undefined ? { helpfulText: tpl(d.helpfulText) } : {}),
      };
    }
    case 'httpRequest': {
      const d = node.data;
      return {
        ...d,
        url: tpl(d.url),
        headers: d.headers.map((h) => ({ ...h, value: tpl(h.value) })),
        ...(d.body !== undefined ? { body: tpl(d.body) } : {}),
        responseMapping: d.responseMapping.map((m) => ({ ...m, variable: varName(m.variable) })),
        ...(d.errorVariable !== undefined ? { errorVariable: varName(d.errorVariable) } : {}),
      };
    }
    case 'satisfaction': {
      const d = node.data;
      return { ...d, text: tpl(d.text), ...(d.commentText !== undefined ? { commentText: tpl(d.commentText) } : {}) };
    }
    default:
      return assertNever(node);
  }
}

/**
 * Renames a variable's declaration and every reference to it. Pure: unchanged nodes keep their
 * identity so memoised node cards do not re-render. When `newName` is already declared the two
 * variables merge and the existing declaration wins, because two declarations of one name are
 * invalid. An invalid or identical `newName` returns the input untouched.
 */
export function renameVariable<M extends Meta, N extends FlowNode>(
  doc: { meta: M; nodes: N[] },
  oldName: string,
  newName: string,
): RenameResult<M, N> {
  if (oldName === newName || !variableNameSchema.safeParse(newName).success) {
    return { meta: doc.meta, nodes: doc.nodes, changedNodeIds: [] };
  }
  const tpl = templateReplacer(oldName, newName);
  const alreadyDeclared = doc.meta.variables.some((v) => v.name === newName);
  const variables = alreadyDeclared
    ? doc.meta.variables.filter((v) => v.name !== oldName)
    : doc.meta.variables.map((v) => (v.name === oldName ? { ...v, name: newName } : v));
  const s = doc.meta.settings;
  const greeting = s.widget.greeting;
  const settings = {
    ...s,
    fallbackText: tpl(s.fallbackText),
    handoff: { ...s.handoff, offlineText: tpl(s.handoff.offlineText) },
    widget: greeting !== undefined ? { ...s.widget, greeting: tpl(greeting) } : s.widget,
  };
  const changedNodeIds: string[] = [];
  const nodes = doc.nodes.map((node) => {
    const data = renameInData(node, oldName, newName);
    if (jsonEqual(data, node.data)) return node;
    changedNodeIds.push(node.id);
    return { ...node, data } as N;
  });
  return { meta: { ...doc.meta, variables, settings }, nodes, changedNodeIds };
}
