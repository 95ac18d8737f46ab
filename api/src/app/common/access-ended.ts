import { Injectable } from '@nestjs/common';

/**
 * Access that has just ended: one credential (a session signed out, an API token revoked) or,
 * with `credentialId` null, every credential of a user (deactivated, or their role changed).
 */
export interface AccessEnded {
  userId: string;
  credentialId: string | null;
}

/**
 * Tells the live streams that access ended, so they close at once instead of at their 5-minute
 * lifetime. The features that end access (auth, users) emit it after their change committed;
 * live subscribes and fans it out to every instance. It lives here so that neither side imports
 * the other (auth is imported by live). Provided by the global LiveModule.
 */
@Injectable()
export class AccessEndedSignal {
  private readonly listeners = new Set<(ended: AccessEnded) => void>();

  subscribe(listener: (ended: AccessEnded) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(ended: AccessEnded): void {
    for (const listener of this.listeners) listener(ended);
  }
}
