import { Injectable } from '@nestjs/common';

/**
 * Access that has just ended: one credential (a session signed out, an API token revoked) or,
 * with `credentialId` null, every credential of a user (deactivated, or their role changed).
 * `staleOnly`: nothing ended, the user's own row changed (name, department): what an instance
 * keeps of their sign-in is stale, their live streams stay open.
 */
export interface AccessEnded {
  userId: string;
  credentialId: string | null;
  staleOnly?: boolean;
}

/**
 * Tells the live streams that access ended, so they close at once instead of at their 5-minute
 * lifetime, and every instance's session cache, so a sign-out, deactivation or role change takes
 * effect on the next request. The features that end access (auth, users) emit it after their
 * change committed; live subscribes, fans it out to every instance (LISTEN/NOTIFY) and hands
 * what arrives back here (`arrived`), from this instance or another. It lives here so that
 * neither side imports the other (auth is imported by live). Provided by the global LiveModule.
 */
@Injectable()
export class AccessEndedSignal {
  private readonly listeners = new Set<(ended: AccessEnded) => void>();
  private readonly arrivals = new Set<(ended: AccessEnded | null) => void>();

  subscribe(listener: (ended: AccessEnded) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** On this instance, after the change committed. Also counts as arrived here at once. */
  emit(ended: AccessEnded): void {
    this.arrived(ended);
    for (const listener of this.listeners) listener(ended);
  }

  /**
   * What arrives from any instance (this one included); null: the fan-out was cut off and
   * messages may have been lost, so everything kept is stale.
   */
  onArrival(listener: (ended: AccessEnded | null) => void): () => void {
    this.arrivals.add(listener);
    return () => {
      this.arrivals.delete(listener);
    };
  }

  arrived(ended: AccessEnded | null): void {
    for (const listener of this.arrivals) listener(ended);
  }
}
