/**
 * The one URL policy for every URL the widget renders (author links, avatars): only `https:`,
 * `http:` and `mailto:`; relative URLs only when the site owner allows them. Anything else —
 * `javascript:`, `data:`, `vbscript:`, obfuscated spellings of them — is rejected, and the
 * caller renders plain text (or initials) instead.
 */

const allowedSchemes: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:']);
const imageSchemes: ReadonlySet<string> = new Set(['https:', 'http:']);

const namedEntities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n',
  sol: '/', lpar: '(', rpar: ')', period: '.', comma: ',', nbsp: '\u00a0',
};

/**
 * Decodes HTML character references. The text never reaches an HTML parser, but a backend that
 * stored `&#x6A;avascript:` expects somebody to decode it, so the check sees what it would become.
 */
function decodeEntities(text: string): string {
  // Named references need their `;` (else `?a=1&tab=2` would lose its `&tab`); numeric ones do not.
  return text.replace(/&(#x[0-9a-f]+;?|#[0-9]+;?|[a-z]+;)/gi, (whole, match: string) => {
    const ref = match.endsWith(';') ? match.slice(0, -1) : match;
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return namedEntities[ref.toLowerCase()] ?? whole;
  });
}

// C0 controls, space, DEL, C1 controls and Unicode spaces are trimmed from both ends; tabs and
// line breaks are dropped anywhere (as the URL parser does). Other characters inside the URL are
// kept, so the parser percent-encodes them (`/my page` → `/my%20page`) instead of changing the URL.
const invisible = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;
const breaks = /[\t\n\r]/g;

export interface UrlPolicy {
  /** Accept relative URLs, resolved against the page. Off unless the site owner enables it. */
  allowRelative?: boolean;
  /** Only schemes that can load an image (no `mailto:`). */
  image?: boolean;
}

function trimInvisible(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && invisible.test(text[start])) start++;
  while (end > start && invisible.test(text[end - 1])) end--;
  return text.slice(start, end);
}

/** The normalized URL when `raw` passes the policy, else `null`. Never throws. */
export function safeUrl(raw: unknown, policy: UrlPolicy = {}): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 4096) return null;
  const cleaned = trimInvisible(decodeEntities(raw).replace(breaks, ''));
  if (!cleaned) return null;
  const schemes = policy.image ? imageSchemes : allowedSchemes;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(cleaned);
  let url: URL;
  try {
    if (hasScheme) url = new URL(cleaned);
    else if (policy.allowRelative && !/^[/\\]{2}/.test(cleaned)) url = new URL(cleaned, document.baseURI);
    else return null;
  } catch {
    return null;
  }
  return schemes.has(url.protocol) ? url.href : null;
}
