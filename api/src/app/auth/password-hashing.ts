import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ConcurrencyLimiter, LimiterFullError } from '../common';
import { AppConfig } from '../config';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './secrets';

const BUSY = 'Too many passwords are being checked at once. Try again in a few seconds.';

/**
 * Password hashing and checking (argon2id, 64 MiB and real CPU time each) through a small
 * semaphore: PASSWORD_HASHING_CONCURRENCY at once, PASSWORD_HASHING_QUEUE waiting, and 503 with
 * Retry-After beyond that, so a burst of sign-ins cannot starve the rest of the API.
 */
@Injectable()
export class PasswordHashing {
  private readonly limiter: ConcurrencyLimiter;

  constructor(config: AppConfig) {
    this.limiter = new ConcurrencyLimiter(config.auth.hashingConcurrency, config.auth.hashingQueue);
  }

  hash(password: string): Promise<string> {
    return this.limited(() => hashPassword(password));
  }

  /** Checks a password against a stored hash; with no hash, spends the same time and says no. */
  verify(stored: string | null, password: string): Promise<boolean> {
    return this.limited(() =>
      stored ? verifyPassword(stored, password) : verifyAgainstDummy(password),
    );
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await this.limiter.run(task);
    } catch (error) {
      if (error instanceof LimiterFullError) throw new ServiceUnavailableException(BUSY);
      throw error;
    }
  }
}
