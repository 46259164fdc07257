/** Makes a `switch` over a union exhaustive: an unhandled member fails to compile here. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
