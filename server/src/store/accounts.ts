// Owner and moderator accounts and their sessions. A session is a random token in an HttpOnly
// cookie; the database keeps only its SHA-256, so it can be revoked (sign-out, password change)
// and a leaked copy of the database signs nobody in.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword, spendVerifyTime, verifyPassword } from '../auth/passwords.js';
import type { Database, Role } from './database.js';

export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** How long a session lasts without signing in again. */
export const SESSION_DAYS = 30;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function createAccountStore(db: Kysely<Database>) {
  const columns = ['id', 'email', 'name', 'role'] as const;
  return {
    /** Creates the account, or updates the role and password of the one with this e-mail. */
    async saveUser(input: { email: string; password: string; role: Role; name?: string }, now: Date): Promise<{ account: Account; created: boolean }> {
      const email = normalizeEmail(input.email);
      const passwordHash = await hashPassword(input.password);
      const existing = await db.selectFrom('users').select(columns).where('email', '=', email).executeTakeFirst();
      if (existing) {
        await db.updateTable('users').set({ role: input.role, password_hash: passwordHash }).where('id', '=', existing.id).execute();
        // A new password ends every session signed in with the old one.
        await db.updateTable('sessions').set({ revoked_at: now.getTime() }).where('user_id', '=', existing.id).where('revoked_at', 'is', null).execute();
        return { account: { ...existing, role: input.role }, created: false };
      }
      const account: Account = { id: randomBytes(9).toString('base64url'), email, name: input.name?.trim() || email.split('@')[0]!, role: input.role };
      await db.insertInto('users').values({ ...account, password_hash: passwordHash, created_at: now.getTime() }).execute();
      return { account, created: true };
    },

    /** The account for these credentials, or null — in the same time for an unknown e-mail. */
    async checkCredentials(email: string, password: string): Promise<Account | null> {
      const row = await db.selectFrom('users').select([...columns, 'password_hash']).where('email', '=', normalizeEmail(email)).executeTakeFirst();
      if (!row) {
        await spendVerifyTime(password);
        return null;
      }
      if (!(await verifyPassword(password, row.password_hash))) return null;
      const { password_hash: _, ...account } = row;
      return account;
    },

    /** Starts a session; resolves the token for the cookie. */
    async startSession(userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
      await db.insertInto('sessions').values({ id: tokenHash(token), user_id: userId, created_at: now.getTime(), expires_at: expiresAt.getTime(), revoked_at: null }).execute();
      return { token, expiresAt };
    },

    /** The account of a live session, or null (unknown, expired or revoked). */
    async sessionAccount(token: string, now: Date): Promise<Account | null> {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['u.id', 'u.email', 'u.name', 'u.role'])
        .where('s.id', '=', tokenHash(token))
        .where('s.revoked_at', 'is', null)
        .where('s.expires_at', '>', now.getTime())
        .executeTakeFirst();
      return row ?? null;
    },

    async endSession(token: string, now: Date): Promise<void> {
      await db.updateTable('sessions').set({ revoked_at: now.getTime() }).where('id', '=', tokenHash(token)).execute();
    },
  };
}

export type AccountStore = ReturnType<typeof createAccountStore>;
