import { Injectable } from '@nestjs/common';
import { PublicOrigin } from '../auth';
import { appUrl } from './email-render';
import { EmailPreferencesRepository } from './email-preferences.repository';
import {
  type UnsubscribeClaim,
  type UnsubscribeScope,
  unsubscribeToken,
  verifyUnsubscribeToken,
} from './unsubscribe-token';

const PURPOSE = 'unsubscribe';
/** The web page an unsubscribe link opens: it shows what stops and asks to confirm. */
export const UNSUBSCRIBE_PATH = '/unsubscribe';

/** Unsubscribe links signed with the installation's secret (read once per process). */
@Injectable()
export class UnsubscribeLinks {
  private secret: Promise<string> | null = null;

  constructor(
    private readonly preferences: EmailPreferencesRepository,
    private readonly origin: PublicOrigin,
  ) {}

  async url(userId: string, scope: UnsubscribeScope): Promise<string> {
    const token = unsubscribeToken(await this.key(), { userId, scope });
    return appUrl(this.origin.primary(), `${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`);
  }

  async verify(token: string): Promise<UnsubscribeClaim | null> {
    return verifyUnsubscribeToken(await this.key(), token);
  }

  private key(): Promise<string> {
    this.secret ??= this.preferences.secret(PURPOSE).catch((error: unknown) => {
      this.secret = null;
      throw error;
    });
    return this.secret;
  }
}
