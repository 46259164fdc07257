import type { Config } from '../config';
import type { PasswordHasher } from '../auth/password';
import { generatePassword } from '../auth/password';
import type { UserStore } from '../storage/userStore';

export const DEFAULT_ADMIN_EMAIL = 'admin@switchboard.local';

export type AdminSetup =
  | { created: false }
  | { created: true; email: string; generatedPassword: string | null };

/**
 * First start only (no accounts yet): creates the admin from SWITCHBOARD_ADMIN_EMAIL/PASSWORD,
 * or with a generated password that the caller shows once. Later starts never touch accounts,
 * so changing the variables does not reset a password someone has since changed.
 */
export async function ensureAdmin(users: UserStore, config: Config, passwords: PasswordHasher): Promise<AdminSetup> {
  if ((await users.count()) > 0) return { created: false };
  const email = config.admin.email ?? DEFAULT_ADMIN_EMAIL;
  const generatedPassword = config.admin.password === null ? generatePassword() : null;
  const result = await users.create({
    email,
    name: 'Admin',
    role: 'admin',
    passwordHash: await passwords.hash(config.admin.password ?? generatedPassword!),
  });
  if (!result.ok) return { created: false };
  return { created: true, email, generatedPassword };
}
