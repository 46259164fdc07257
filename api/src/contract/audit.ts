import { z } from 'zod';
import { defineRoute } from './route';
import { described, named } from './common';
import { AUDIT_ACTIONS } from '../storage/auditLog';

/** A date (2026-12-06, from its midnight UTC) or a full ISO instant. */
const instant = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'must be a date like 2026-12-06 or an ISO time')
  .transform((s) => Date.parse(s));

export const auditFilterQuery = z.object({
  actor: described(z.string().trim().min(1).max(200).optional(), "An actor's id, or part of their email or token name"),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: described(instant.optional(), 'Entries at or after this time'),
  to: described(instant.optional(), 'Entries before this time; a bare date means its midnight, so pass the next day to include a day'),
});

export const auditListQuery = auditFilterQuery.extend({
  before: described(z.coerce.number().int().min(1).optional(), 'Continue below this entry id (`nextCursor`)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditExportQuery = auditFilterQuery.extend({ format: z.enum(['csv', 'json']).default('csv') });

const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const auditEntrySchema = named(
  'AuditEntry',
  z.object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actor: z.object({ kind: z.enum(['user', 'token', 'anonymous', 'system']), id: z.string().nullable(), name: z.string().nullable() }),
    action: z.enum(AUDIT_ACTIONS),
    target: z.string().nullable(),
    detail: z.record(z.string(), detailValue),
  }),
  'One recorded admin or editor action',
);

export const auditRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/audit',
    tag: 'Audit log',
    summary: 'Audit log entries, newest first',
    description:
      'Sign-ins (and failures), user and role changes, API tokens, secrets (names only), knowledge sources added and deleted, publish/rollback/unpublish/delete of flows, flow privacy settings, organisation settings, exports and erasures of conversations, retention runs.',
    access: 'admin',
    query: auditListQuery,
    responses: { 200: z.object({ entries: z.array(auditEntrySchema), nextCursor: z.number().int().nullable() }) },
  }),
  export: defineRoute({
    method: 'get',
    path: '/api/audit/export',
    tag: 'Audit log',
    summary: 'Download the audit log as CSV or JSON',
    description:
      'At most 100,000 entries matching the filters, newest first. In CSV, a cell starting with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `\'` so spreadsheets never run it as a formula.',
    access: 'admin',
    query: auditExportQuery,
    responses: {
      200: {
        description: 'CSV (`text/csv`) or JSON (`application/json`) attachment',
        content: { 'text/csv': z.string(), 'application/json': z.object({ entries: z.array(auditEntrySchema) }) },
      },
    },
  }),
};
