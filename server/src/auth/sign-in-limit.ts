// Sign-in attempts, limited twice: per network address (one guesser, many accounts) and per
// account (many addresses, one account). Only failures count; a success clears the account's.
// In memory, per process, like the post limit.
export interface SignInLimits {
  /** Failures allowed per address in the window. Default 20. */
  perAddress?: number;
  /** Failures allowed per account in the window. Default 5. */
  perAccount?: number;
  /** Default 15 minutes. */
  windowSeconds?: number;
}

export class SignInLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #perAddress: number;
  readonly #perAccount: number;
  readonly #windowMs: number;

  constructor(limits: SignInLimits = {}, private readonly now: () => Date = () => new Date()) {
    this.#perAddress = limits.perAddress ?? 20;
    this.#perAccount = limits.perAccount ?? 5;
    this.#windowMs = (limits.windowSeconds ?? 900) * 1000;
  }

  /** Seconds to wait before trying again, or 0 when an attempt may be made. */
  wait(address: string, email: string): number {
    const t = this.now().getTime();
    const waits = [this.#wait(`ip:${address}`, this.#perAddress, t), this.#wait(`account:${email}`, this.#perAccount, t)];
    return Math.max(...waits);
  }

  failed(address: string, email: string): void {
    const t = this.now().getTime();
    for (const key of [`ip:${address}`, `account:${email}`]) this.#failures.set(key, [...this.#recent(key, t), t]);
    if (this.#failures.size > 10_000) for (const [key] of this.#failures) if (!this.#recent(key, t).length) this.#failures.delete(key);
  }

  succeeded(email: string): void {
    this.#failures.delete(`account:${email}`);
  }

  #recent(key: string, t: number): number[] {
    return (this.#failures.get(key) ?? []).filter((time) => time > t - this.#windowMs);
  }

  #wait(key: string, max: number, t: number): number {
    const recent = this.#recent(key, t);
    if (recent.length < max) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - max]! + this.#windowMs - t) / 1000));
  }
}
