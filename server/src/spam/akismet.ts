// The Akismet protocol (comment-check, submit-spam, submit-ham): form-encoded POSTs, a `true` /
// `false` body. Any service that speaks it works (MAONI_AKISMET_URL). A check that fails or takes
// longer than the timeout says so — it never throws and never holds a post up for long.
export interface AkismetComment {
  ip: string;
  userAgent: string;
  referrer?: string;
  permalink?: string;
  /** `comment`, or `reply` for an answer to another comment. */
  type: 'comment' | 'reply';
  author: string;
  email?: string;
  url?: string;
  content: string;
  /** ISO 8601. */
  createdAt: string;
  lang?: string;
}

export interface AkismetOptions {
  key: string;
  /** The site the comments belong to (MAONI_PUBLIC_URL). */
  blog: string;
  /** Default `https://rest.akismet.com/1.1`. */
  url?: string;
  /** Longest wait for an answer, in ms. Default 2000. */
  timeoutMs?: number;
}

export type AkismetVerdict = 'spam' | 'ham' | 'unavailable';

export class AkismetClient {
  readonly #options: Required<AkismetOptions>;

  constructor(options: AkismetOptions) {
    this.#options = { url: 'https://rest.akismet.com/1.1', timeoutMs: 2000, ...options };
    this.#options.url = this.#options.url.replace(/\/+$/, '');
  }

  /** comment-check: `spam`, `ham`, or `unavailable` when the service failed or was too slow. */
  async check(comment: AkismetComment): Promise<AkismetVerdict> {
    const answer = await this.#post('comment-check', comment);
    return answer === 'true' ? 'spam' : answer === 'false' ? 'ham' : 'unavailable';
  }

  /** Tells the service a moderator marked this as spam (teaches it); resolves whether it took it. */
  async submitSpam(comment: AkismetComment): Promise<boolean> {
    return (await this.#post('submit-spam', comment)) !== null;
  }

  /** Tells the service a moderator approved this: it was not spam. */
  async submitHam(comment: AkismetComment): Promise<boolean> {
    return (await this.#post('submit-ham', comment)) !== null;
  }

  /** The answer's body, or null when there was none worth reading (network, timeout, 5xx). */
  async #post(method: string, comment: AkismetComment): Promise<string | null> {
    const form = new URLSearchParams({
      api_key: this.#options.key,
      blog: this.#options.blog,
      user_ip: comment.ip,
      user_agent: comment.userAgent,
      comment_type: comment.type,
      comment_author: comment.author,
      comment_content: comment.content,
      comment_date_gmt: comment.createdAt,
      blog_charset: 'UTF-8',
    });
    const optional: Array<[string, string | undefined]> = [
      ['referrer', comment.referrer],
      ['permalink', comment.permalink],
      ['comment_author_email', comment.email],
      ['comment_author_url', comment.url],
      ['blog_lang', comment.lang],
    ];
    for (const [name, value] of optional) if (value) form.set(name, value);
    try {
      const response = await fetch(`${this.#options.url}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'user-agent': 'maoni-server | Akismet client' },
        body: form,
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      const body = (await response.text()).trim();
      return response.ok ? body : null;
    } catch {
      return null;
    }
  }
}
