import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@waypoint/contracts';
import { emailKindOf, nextDigestAt } from '@waypoint/domain';
import { AppConfig } from '../config';
import { EmailOutboxRepository, type OutboxDraft } from './email-outbox.repository';

/** A notification that reached someone's inbox, as the outbox takes it. */
export interface NotifiedItem {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  initiativeId: string | null;
}

/**
 * Where notifications become email: in the transaction of the change that wrote them, each one
 * whose kind is emailed is put in the outbox, at once or for the next digest as its recipient
 * chose. Without SMTP settings nothing is queued (so nothing piles up to be sent later).
 */
@Injectable()
export class EmailOutbox {
  constructor(
    private readonly config: AppConfig,
    private readonly repository: EmailOutboxRepository,
  ) {}

  /** Queues the emailed ones of `items`; answers how many rows were written. */
  async enqueue(items: readonly NotifiedItem[], now = new Date()): Promise<number> {
    if (this.config.email.smtp === null) return 0;
    const drafts: OutboxDraft[] = [];
    for (const item of items) {
      const kind = emailKindOf(item.kind);
      if (kind === null) continue;
      drafts.push({
        userId: item.userId,
        kind,
        notificationKind: item.kind,
        title: item.title,
        body: item.body,
        link: item.link,
        initiativeId: item.initiativeId,
      });
    }
    return this.repository.enqueue(drafts, nextDigestAt(now, this.config.email.digestHourUtc));
  }
}
