/**
 * Tables of the stores in `Stores` (flows, versions, flow tests, accounts, tokens, sign-in
 * sessions, settings, secrets, audit log) and the intent models. Filled in by the PostgreSQL
 * stores; migrations/core.ts creates them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the area's tables are added here
export interface CoreTables {}
