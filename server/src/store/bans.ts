// Bans, and the salted hashes that recognise an anonymous author again. A reader the host site
// signed in is banned by their id; anyone else by the e-mail they gave (hashed) and by their
// network address (hashed): a new comment matching any of them is refused.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { normalizeEmail } from './accounts.js';

export interface BanRow {
  id: string;
  author_id: string | null;
  author_name: string;
  comment_id: string;
  created_at: number;
  created_by: string;
}

/** What is known of a new comment's author, to look for a ban. */
export interface AuthorMarks {
  authorId: string | null;
  emailHash: string | null;
  ipHash: string | null;
}

export function createBanStore(db: Kysely<Database>) {
  let salt: Promise<string> | null = null;
  // Read once per process; written by migration 4 and never changed (it would forget every ban).
  const saltOf = () =>
    (salt ??= db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'hash_salt')
      .executeTakeFirstOrThrow()
      .then((row) => row.value));
  const hash = async (kind: string, value: string) => createHash('sha256').update(`${await saltOf()}\u0000${kind}\u0000${value}`).digest('base64url');

  return {
    /** The hashes stored with a comment: e-mail (as typed, case-folded) and network address. */
    async hashes(email: string | null, ip: string): Promise<{ emailHash: string | null; ipHash: string }> {
      return { emailHash: email ? await hash('email', normalizeEmail(email)) : null, ipHash: await hash('ip', ip) };
    },

    /** Whether any ban matches what is known of this author. */
    async isBanned(marks: AuthorMarks): Promise<boolean> {
      const row = await db
        .selectFrom('bans')
        .select('id')
        .where((eb) =>
          eb.or([
            ...(marks.authorId !== null ? [eb('author_id', '=', marks.authorId)] : []),
            ...(marks.emailHash !== null ? [eb('email_hash', '=', marks.emailHash)] : []),
            ...(marks.ipHash !== null ? [eb('ip_hash', '=', marks.ipHash)] : []),
          ])
        )
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Bans the author of a comment and logs it, in one transaction. Null when there is no such
     * comment, or nothing is known of its author (an imported comment, a deleted one).
     */
    ban(commentId: string, actor: string, at: Date): Promise<{ ban: BanRow; threadId: string } | null | 'unknown-author'> {
      return db.transaction().execute(async (trx) => {
        const comment = await trx
          .selectFrom('comments')
          .select(['thread_id', 'author_name', 'author_id', 'author_verified', 'email_hash', 'ip_hash'])
          .where('id', '=', commentId)
          .where('status', '!=', 'removed')
          .executeTakeFirst();
        if (!comment) return null;
        // A verified reader by id only: the address of someone the site knows may be shared.
        const verified = Number(comment.author_verified) === 1 && comment.author_id !== null;
        const marks = verified
          ? { author_id: comment.author_id, email_hash: null, ip_hash: null }
          : { author_id: null, email_hash: comment.email_hash, ip_hash: comment.ip_hash };
        if (marks.author_id === null && marks.email_hash === null && marks.ip_hash === null) return 'unknown-author';
        const ban: BanRow = {
          id: randomBytes(9).toString('base64url'),
          author_id: marks.author_id,
          author_name: comment.author_name,
          comment_id: commentId,
          created_at: at.getTime(),
          created_by: actor,
        };
        await trx.insertInto('bans').values({ ...ban, ...marks }).execute();
        await trx
          .insertInto('moderation_log')
          .values({ id: randomBytes(9).toString('base64url'), at: ban.created_at, actor_email: actor, action: 'ban', comment_id: commentId, thread_id: comment.thread_id })
          .execute();
        return { ban, threadId: comment.thread_id };
      });
    },

    async list(limit: number): Promise<BanRow[]> {
      const rows = await db
        .selectFrom('bans')
        .select(['id', 'author_id', 'author_name', 'comment_id', 'created_at', 'created_by'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ ...row, created_at: Number(row.created_at) }));
    },

    /** Lifts a ban and logs it; false when there was none with this id. */
    lift(id: string, actor: string, at: Date): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const ban = await trx.selectFrom('bans').select(['comment_id']).where('id', '=', id).executeTakeFirst();
        if (!ban) return false;
        await trx.deleteFrom('bans').where('id', '=', id).execute();
        const comment = await trx.selectFrom('comments').select('thread_id').where('id', '=', ban.comment_id).executeTakeFirst();
        await trx
          .insertInto('moderation_log')
          .values({ id: randomBytes(9).toString('base64url'), at: at.getTime(), actor_email: actor, action: 'unban', comment_id: ban.comment_id, thread_id: comment?.thread_id ?? '' })
          .execute();
        return true;
      });
    },
  };
}

export type BanStore = ReturnType<typeof createBanStore>;
