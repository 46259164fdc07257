/** How a kind rewrites its data when a variable is renamed; built once per rename. */
export interface VariableRenamer {
  /** Free text: `{{old}}` (spaces inside the braces kept) becomes `{{new}}`; `{{older}}` is untouched. */
  template(text: string): string;
  /** A field that holds a variable's name. */
  name(variable: string): string;
  /** A math expression, which may name variables bare (`total * 1.23`) as well as in braces. */
  expression(text: string): string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The renamer from `oldName` to `newName`. Both are variable names the schema accepts (letters,
 * digits, underscores), and each pattern is a plain literal with no nested quantifier, so even a
 * long text is scanned in linear time.
 */
export function variableRenamer(oldName: string, newName: string): VariableRenamer {
  const templateRe = new RegExp(`\\{\\{(\\s*)${escapeRegExp(oldName)}(\\s*)\\}\\}`, 'g');
  const identifierRe = new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(oldName)}(?![A-Za-z0-9_])`, 'g');
  return {
    template: (text) => (text.includes(oldName) ? text.replace(templateRe, (_m, a: string, b: string) => `{{${a}${newName}${b}}}`) : text),
    name: (variable) => (variable === oldName ? newName : variable),
    expression: (text) => (text.includes(oldName) ? text.replace(identifierRe, newName) : text),
  };
}
