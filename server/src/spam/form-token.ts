// The form token: when the widget loaded its configuration (≈ when the form rendered), signed by
// the server. A submit sooner than a person could type is held; so is a token the server did not
// sign. A client that sends none (another front end on the API) is not timed.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type TokenCheck = 'ok' | 'absent' | 'too-fast' | 'invalid';

export class FormTokens {
  readonly #secret: Buffer;

  /** `secret`: shared by every instance behind one site (MAONI_SECRET), else one per process. */
  constructor(secret?: string, readonly minSeconds = 3, readonly maxAgeSeconds = 7 * 24 * 3600) {
    this.#secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  issue(now: Date): string {
    const issued = String(now.getTime());
    return `${issued}.${this.#sign(issued)}`;
  }

  check(token: unknown, now: Date): TokenCheck {
    if (token === undefined || token === null || token === '') return 'absent';
    if (typeof token !== 'string') return 'invalid';
    const [issued, signature, extra] = token.split('.');
    if (extra !== undefined || !issued || !/^\d{1,16}$/.test(issued) || !signature) return 'invalid';
    const expected = Buffer.from(this.#sign(issued), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    const age = (now.getTime() - Number(issued)) / 1000;
    if (age < 0 || age > this.maxAgeSeconds) return 'invalid';
    return age < this.minSeconds ? 'too-fast' : 'ok';
  }

  #sign(issued: string): string {
    return createHmac('sha256', this.#secret).update(`maoni-form:${issued}`).digest('base64url');
  }
}
