/**
 * The list's plural labels. The list waits for the list chunk, so their forms for every plural
 * category travel in that chunk, not in the core bundle.
 */
import { str } from '@lit/localize';
import type { Localization } from './localization.js';

/** The thread's heading: "3 Comments", in the locale's plural category for `count`. */
export function countHeading(l: Localization, count: number): string {
  const { msg } = l;
  const n = l.number(count);
  return l.plural(count, {
    zero: () => msg(str`${n} Comments`, { id: 'thread.heading.count.zero' }),
    one: () => msg(str`${n} Comment`, { id: 'thread.heading.count.one' }),
    two: () => msg(str`${n} Comments`, { id: 'thread.heading.count.two' }),
    few: () => msg(str`${n} Comments`, { id: 'thread.heading.count.few' }),
    many: () => msg(str`${n} Comments`, { id: 'thread.heading.count.many' }),
    other: () => msg(str`${n} Comments`, { id: 'thread.heading.count.other' }),
  });
}

/** "Show 3 more replies", in the locale's plural category for `missing`. */
export function moreRepliesLabel(l: Localization, missing: number): string {
  const { msg } = l;
  const n = l.number(missing);
  return l.plural(missing, {
    zero: () => msg(str`Show ${n} more replies`, { id: 'thread.more-replies.zero' }),
    one: () => msg(str`Show ${n} more reply`, { id: 'thread.more-replies.one' }),
    two: () => msg(str`Show ${n} more replies`, { id: 'thread.more-replies.two' }),
    few: () => msg(str`Show ${n} more replies`, { id: 'thread.more-replies.few' }),
    many: () => msg(str`Show ${n} more replies`, { id: 'thread.more-replies.many' }),
    other: () => msg(str`Show ${n} more replies`, { id: 'thread.more-replies.other' }),
  });
}

/** "Show 3 replies": a comment whose replies start collapsed (none of them shown yet). */
export function repliesLabel(l: Localization, count: number): string {
  const { msg } = l;
  const n = l.number(count);
  return l.plural(count, {
    zero: () => msg(str`Show ${n} replies`, { id: 'thread.replies.zero' }),
    one: () => msg(str`Show ${n} reply`, { id: 'thread.replies.one' }),
    two: () => msg(str`Show ${n} replies`, { id: 'thread.replies.two' }),
    few: () => msg(str`Show ${n} replies`, { id: 'thread.replies.few' }),
    many: () => msg(str`Show ${n} replies`, { id: 'thread.replies.many' }),
    other: () => msg(str`Show ${n} replies`, { id: 'thread.replies.other' }),
  });
}
