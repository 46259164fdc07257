export const ROLES = ['admin', 'editor', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  /** Lower-case; unique. */
  email: string;
  name: string;
  role: Role;
  /** Self-describing scrypt hash (see auth/password.ts). */
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
  /** Set when an admin switches the account off; it then cannot sign in. Absent in older files. */
  deactivatedAt?: string | null;
  /** The last successful sign-in. Absent in older files and for accounts that never signed in. */
  lastSignInAt?: string | null;
  /** The person's own choice of editor language; absent until they choose. */
  locale?: UserLocale;
}

/** The languages the editor itself speaks. */
export const USER_LOCALES = ['en', 'pl'] as const;
export type UserLocale = (typeof USER_LOCALES)[number];

export type NewUser = Omit<User, 'id' | 'createdAt' | 'updatedAt'>;
export type UserPatch = Partial<Pick<User, 'name' | 'role' | 'passwordHash' | 'deactivatedAt' | 'lastSignInAt' | 'locale'>>;

export const isActive = (user: Pick<User, 'deactivatedAt'>): boolean => !user.deactivatedAt;

export type CreateUserResult = { ok: true; user: User } | { ok: false; reason: 'emailTaken' };
export type UpdateUserResult = { ok: true; user: User } | { ok: false; reason: 'notFound' | 'lastAdmin' };
export type DeleteUserResult = { ok: true } | { ok: false; reason: 'notFound' | 'lastAdmin' };

/**
 * Accounts. The last active admin can be neither demoted, deactivated nor deleted, checked inside the store so a
 * PostgreSQL implementation can enforce it in the same transaction as the change.
 */
export interface UserStore {
  list(): Promise<User[]>;
  get(id: string): Promise<User | null>;
  findByEmail(email: string): Promise<User | null>;
  count(): Promise<number>;
  create(user: NewUser): Promise<CreateUserResult>;
  update(id: string, patch: UserPatch): Promise<UpdateUserResult>;
  delete(id: string): Promise<DeleteUserResult>;
}
