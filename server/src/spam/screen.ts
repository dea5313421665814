// Every new comment passes these steps, in order; the first that holds it decides, and its name is
// kept as the reason (`heldFor`) the moderation queue shows. Nothing here rejects a comment: a
// held one is stored and its sender sees a normal answer (a bot learns nothing), a banned author is
// refused before (bans.ts). A step that fails (a service down) holds for review, never publishes
// blindly and never blocks posting.
import type { AkismetClient, AkismetComment } from './akismet.js';
import type { TokenCheck } from './form-token.js';

export type HeldFor = 'honeypot' | 'too-fast' | 'links' | 'moderation' | 'akismet' | 'akismet-unavailable' | 'checker' | 'manual';

export interface Verdict {
  status: 'published' | 'pending' | 'spam';
  heldFor: HeldFor | null;
}

/** What the steps know of a new comment. */
export interface Submission {
  threadId: string;
  parentId: string | null;
  body: string;
  author: { name: string; email?: string; url?: string };
  ip: string;
  userAgent: string;
  referrer?: string;
  /** The hidden form field's content: only bots fill it. */
  honeypot?: string;
  /** The form token's check (form-token.ts). */
  formToken: TokenCheck;
  /** The author has a published comment already (by client key, account or e-mail). */
  knownAuthor: boolean;
  /** A moderator or the owner, signed in: their comments are published as they are. */
  moderator: boolean;
  /** A reader the host site signed in (SSO): the site vouches for them, so no first-comment hold. */
  verified: boolean;
  createdAt: string;
}

/**
 * A site's own check: return `spam` or `pending` to hold the comment (the reason shown is
 * `checker`, with `name` in the log), or null to let it pass to the next step.
 */
export interface SpamChecker {
  readonly name: string;
  check(submission: Submission): Promise<'spam' | 'pending' | null> | 'spam' | 'pending' | null;
}

export interface ScreenOptions {
  /** Hold first comments of unknown authors (MAONI_MODERATION=1). */
  moderation: boolean;
  /** More links than this holds the comment (MAONI_MAX_LINKS, default 2). */
  maxLinks: number;
  akismet?: AkismetClient | null;
  checkers?: readonly SpamChecker[];
}

/** Links as a reader would count them: markdown links, bare URLs and www. addresses. */
export function countLinks(body: string): number {
  return (body.match(/\bhttps?:\/\/|(?<![\w/.])www\.[\w-]/gi) ?? []).length;
}

export function akismetComment(submission: Submission): AkismetComment {
  return {
    ip: submission.ip,
    userAgent: submission.userAgent,
    ...(submission.referrer ? { referrer: submission.referrer } : {}),
    type: submission.parentId ? 'reply' : 'comment',
    author: submission.author.name,
    ...(submission.author.email ? { email: submission.author.email } : {}),
    ...(submission.author.url ? { url: submission.author.url } : {}),
    content: submission.body,
    createdAt: submission.createdAt,
  };
}

const held = (status: 'pending' | 'spam', heldFor: HeldFor): Verdict => ({ status, heldFor });

export async function screen(submission: Submission, options: ScreenOptions): Promise<Verdict> {
  if (submission.moderator) return { status: 'published', heldFor: null };
  if (submission.honeypot) return held('spam', 'honeypot');
  if (submission.formToken === 'too-fast' || submission.formToken === 'invalid') return held('pending', 'too-fast');
  if (countLinks(submission.body) > options.maxLinks) return held('pending', 'links');
  if (options.moderation && !submission.knownAuthor && !submission.verified) return held('pending', 'moderation');
  if (options.akismet) {
    const verdict = await options.akismet.check(akismetComment(submission));
    if (verdict === 'spam') return held('spam', 'akismet');
    if (verdict === 'unavailable') return held('pending', 'akismet-unavailable');
  }
  for (const checker of options.checkers ?? []) {
    let verdict: 'spam' | 'pending' | null;
    try {
      verdict = await checker.check(submission);
    } catch {
      verdict = 'pending'; // A check that broke cannot vouch for the comment.
    }
    if (verdict) return held(verdict, 'checker');
  }
  return { status: 'published', heldFor: null };
}
