/** Conversions between the stores' values and PostgreSQL's, shared by every PostgreSQL store. */

/** timestamptz comes back as a Date; the stores hand out ISO strings, as the embedded ones do. */
export const isoOf = (value: Date | string): string => new Date(value).toISOString();

export const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : isoOf(value));

/** JSON text for a `json` column (pg would send a JavaScript array as a PostgreSQL array). */
export const jsonText = (value: unknown): string => JSON.stringify(value);

/** A unique constraint refused the row (SQLSTATE 23505). */
export const isUniqueViolation = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === '23505';
