import { z } from 'zod';
import type { StoredFlow, FlowVersion } from '../flowStore';
import type { User } from '../userStore';
import type { ApiToken } from '../tokenStore';
import type { AuthSession } from '../authSessionStore';
import type { OrgSettings, BootstrapStep } from '../settingsStore';
import type { FlowTestCase } from '../../../../runtime/src/flowtests/schema';

/** Files written before flow tests existed have no `tests`; readers treat that as none. */
export type FlowEntry = Omit<StoredFlow, 'tests'> & { tests?: FlowTestCase[]; live: number | null };

/** `flows.json`: drafts, their immutable versions and which one is live. */
export interface FlowsFile {
  flows: Record<string, FlowEntry>;
  versions: Record<string, FlowVersion[]>;
}

/** `accounts.json`: users, API tokens and browser sessions. */
export interface AccountsFile {
  users: User[];
  tokens: ApiToken[];
  sessions: AuthSession[];
}

/** `settings.json`. */
export interface SettingsFile {
  settings: OrgSettings;
  done: Partial<Record<BootstrapStep, string>>;
}

// Shallow shape checks: enough to refuse a hand-edited or foreign file at start with a clear
// message, without re-validating every flow document on each boot.
const record = z.record(z.string(), z.unknown());

const flowsShape = z.object({
  flows: z.record(z.string(), z.object({ flow: z.object({ id: z.string() }).loose(), revision: z.number() }).loose()),
  versions: z.record(z.string(), z.array(z.object({ number: z.number(), flow: record }).loose())),
});
const accountsShape = z.object({
  users: z.array(z.object({ id: z.string(), email: z.string(), role: z.string(), passwordHash: z.string() }).loose()),
  tokens: z.array(z.object({ id: z.string(), secretHash: z.string() }).loose()),
  sessions: z.array(z.object({ idHash: z.string(), userId: z.string() }).loose()),
});
const settingsShape = z.object({ settings: record, done: record });

function checker<T>(shape: z.ZodType, what: string): (raw: unknown) => T {
  return (raw) => {
    const result = shape.safeParse(raw);
    if (!result.success) {
      const first = result.error.issues[0];
      throw new Error(`not a Switchboard ${what} file: ${first?.path.join('.') || '(root)'} ${first?.message ?? ''}`.trim());
    }
    return raw as T;
  };
}

export const checkFlowsFile = checker<FlowsFile>(flowsShape, 'flows');
export const checkAccountsFile = checker<AccountsFile>(accountsShape, 'accounts');
export const checkSettingsFile = checker<SettingsFile>(settingsShape, 'settings');
