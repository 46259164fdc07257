/** Why a regular expression does not compile, or null when it does. */
export function patternError(source: string): string | null {
  try {
    new RegExp(source);
    return null;
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    // V8 says "Invalid regular expression: /(/: Unterminated group"; the builder needs the reason.
    return text.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}
