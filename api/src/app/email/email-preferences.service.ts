import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  DEFAULT_EMAIL_DELIVERY,
  EMAIL_KIND_VALUES,
  type EmailPreference,
  type EmailPreferencesResponse,
  type UnsubscribeDescription,
  type UpdateEmailPreferencesRequest,
} from '@waypoint/contracts';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { AppConfig } from '../config';
import { EmailPreferencesRepository } from './email-preferences.repository';
import { UnsubscribeLinks } from './unsubscribe-links';
import { kindsOf } from './unsubscribe-token';

export const UNSUBSCRIBE_LINK_INVALID =
  'This unsubscribe link is not valid (it was changed, or its account no longer exists).';

/** Every kind with the person's delivery (the default where they chose none). */
function complete(chosen: readonly EmailPreference[]): EmailPreference[] {
  return EMAIL_KIND_VALUES.map((kind) => ({
    kind,
    delivery: chosen.find((p) => p.kind === kind)?.delivery ?? DEFAULT_EMAIL_DELIVERY,
  }));
}

/** What each person receives by email, and the unsubscribe links that need no sign-in. */
@Injectable()
export class EmailPreferencesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly preferences: EmailPreferencesRepository,
    private readonly links: UnsubscribeLinks,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async mine(userId: string): Promise<EmailPreferencesResponse> {
    return {
      emailEnabled: this.config.email.smtp !== null,
      digestHourUtc: this.config.email.digestHourUtc,
      preferences: complete(await this.preferences.chosen(userId)),
    };
  }

  /** Changes the kinds given (audited with before and after). */
  async update(
    request: UpdateEmailPreferencesRequest,
    actor: Actor,
  ): Promise<EmailPreferencesResponse> {
    await this.txHost.withTransaction(() => this.change(actor, request.preferences, 'update'));
    return this.mine(actor.userId);
  }

  /** What the link would stop; changes nothing (mail scanners may open it). */
  async describe(token: string): Promise<UnsubscribeDescription> {
    const { claim, email } = await this.resolve(token);
    return { email, kinds: kindsOf(claim.scope) };
  }

  /** Sets the link's kinds to never (audited as the person's own change). */
  async unsubscribe(token: string, requestId: string | null): Promise<UnsubscribeDescription> {
    const { claim, email } = await this.resolve(token);
    const kinds = kindsOf(claim.scope);
    await this.txHost.withTransaction(() =>
      this.change(
        { userId: claim.userId, requestId },
        kinds.map((kind) => ({ kind, delivery: 'never' as const })),
        'unsubscribe',
      ),
    );
    return { email, kinds };
  }

  private async change(
    actor: Actor,
    changes: readonly EmailPreference[],
    action: 'update' | 'unsubscribe',
  ): Promise<void> {
    const before = complete(await this.preferences.chosen(actor.userId));
    await this.preferences.save(actor.userId, changes);
    const after = complete(await this.preferences.chosen(actor.userId));
    await this.audit.record({
      actor,
      action,
      entityType: 'email_preferences',
      entityId: actor.userId,
      before: { preferences: before },
      after: { preferences: after },
    });
  }

  private async resolve(token: string) {
    const claim = await this.links.verify(token);
    const email = claim ? await this.preferences.activeEmail(claim.userId) : null;
    if (!claim || email === null) throw new NotFoundException(UNSUBSCRIBE_LINK_INVALID);
    return { claim, email };
  }
}
