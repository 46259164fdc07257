import { SECRET_NAME_RE } from '@switchboard/runtime';

/** What a typed name becomes: upper case, Polish letters without accents, other characters as _. */
export function toSecretName(typed: string): string {
  return typed
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'L')
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, '_')
    .slice(0, 64);
}

/** The runtime's rule, the one the server checks: a letter, then letters, digits and _. */
export const isSecretName = (name: string): boolean => name.length <= 64 && SECRET_NAME_RE.test(name);
