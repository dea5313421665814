/** How links in comments behave: the options `<comment-thread>` sets, and what every link carries. */

/** How the widget treats links in comments; set on `<comment-thread>`. */
export interface LinkOptions {
  /** Accept relative URLs (resolved against the page) in links, author URLs and avatars. */
  allowRelative?: boolean;
  /** Where links open: `_blank` (a new tab, the default) or `_self`, `_parent`, `_top`. */
  target?: string;
  /** A mention's profile URL (the adapter's `mentionUrl`); it must pass the URL policy too. */
  mentionUrl?: (name: string) => string | null | undefined;
}

const targets: ReadonlySet<string> = new Set(['_blank', '_self', '_parent', '_top']);

/** Links in comments are user-generated: no ranking credit, no access to this page, no referrer. */
export const linkRel = 'ugc nofollow noopener noreferrer';

/** The target a link opens in: one of the browsing-context keywords, else `_blank`. */
export function linkTarget(options: LinkOptions): string {
  return options.target && targets.has(options.target) ? options.target : '_blank';
}

