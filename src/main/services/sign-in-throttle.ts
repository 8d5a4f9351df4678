/**
 * Slows down guessing of PINs: after five wrong tries a username is locked for a
 * minute, doubling with each further miss up to fifteen minutes. Kept in memory on
 * purpose: a failed sign-in must not write to the database (a failed operation changes
 * nothing), and a restart of the app is not something a guesser can trigger.
 */
const MAX_TRACKED = 10_000;

export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly freeTries = 5,
    private readonly baseLockMs = 60_000,
    private readonly maxLockMs = 15 * 60_000,
  ) {}

  /** Milliseconds until this username may try again, or 0. */
  waitFor(username: string, now = Date.now()): number {
    const entry = this.failures.get(username);
    return entry ? Math.max(0, entry.lockedUntil - now) : 0;
  }

  failed(username: string, now = Date.now()): void {
    if (this.failures.size >= MAX_TRACKED) this.forgetExpired(now);
    const entry = this.failures.get(username) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= this.freeTries) {
      const lock = Math.min(this.maxLockMs, this.baseLockMs * 2 ** (entry.count - this.freeTries));
      entry.lockedUntil = now + lock;
    }
    this.failures.set(username, entry);
  }

  succeeded(username: string): void {
    this.failures.delete(username);
  }

  /** Invented usernames must not grow the map for ever: drop entries no longer locked. */
  private forgetExpired(now: number): void {
    for (const [username, entry] of this.failures) {
      if (entry.lockedUntil <= now) this.failures.delete(username);
    }
  }
}
