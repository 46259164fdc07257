import { normalize } from '../../text/normalize';

// Whole normalised answers only: guessing from the first word would read "no problem" as no.
// "no jasne" is Polish for "sure"; a bare "no" stays English "no".
const YES = new Set(['yes', 'y', 'yeah', 'yep', 'yup', 'sure', 'true', 'ok', 'okay', 'tak', 't', 'no jasne', 'jasne', 'pewnie', 'oczywiscie']);
const NO = new Set(['no', 'n', 'nope', 'nah', 'false', 'nie']);

export function parseYesNoAnswer(text: string): boolean | null {
  const n = normalize(text);
  if (YES.has(n)) return true;
  if (NO.has(n)) return false;
  return null;
}
