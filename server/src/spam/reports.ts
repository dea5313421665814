// A moderator's verdict teaches the Akismet-protocol service: marking as spam sends submit-spam,
// approving a held comment sends submit-ham (it was a false alarm). Only for comments posted while
// the service was configured (their address and user agent were kept for this). Sent after the
// moderator's answer, never holding it up; a failure is logged and nothing else changes.
import type { Kysely } from 'kysely';
import type { Logger } from '../options.js';
import type { Database, StoredStatus } from '../store/database.js';
import type { AkismetClient } from './akismet.js';

export type Report = 'spam' | 'ham';

/** What a change of status tells the service, if anything. */
export function reportFor(action: string, before: StoredStatus): Report | null {
  if (action === 'spam' && before !== 'spam') return 'spam';
  if (action === 'approve' && (before === 'pending' || before === 'spam')) return 'ham';
  return null;
}

export async function sendReport(db: Kysely<Database>, akismet: AkismetClient, commentId: string, report: Report, logger: Logger): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select(['parent_id', 'body', 'author_name', 'author_email', 'author_url', 'client_ip', 'user_agent', 'created_at'])
    .where('id', '=', commentId)
    .executeTakeFirst();
  if (!row || row.client_ip === null) return false;
  const comment = {
    ip: row.client_ip,
    userAgent: row.user_agent ?? '',
    type: row.parent_id ? ('reply' as const) : ('comment' as const),
    author: row.author_name,
    ...(row.author_email ? { email: row.author_email } : {}),
    ...(row.author_url ? { url: row.author_url } : {}),
    content: row.body,
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
  const taken = report === 'spam' ? await akismet.submitSpam(comment) : await akismet.submitHam(comment);
  if (!taken) logger.error(`maoni: the spam service did not take the submit-${report} report of comment ${commentId}.`);
  return taken;
}
