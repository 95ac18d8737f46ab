/** What other features may use of config/ (import it from '../config', never from a file inside). */
export { AppConfig } from './app-config';
export type { EmailSettings, OutboxSettings, SmtpSettings } from './app-config';
export { StartupError } from './config-error';
export { ConfigModule } from './config.module';
export type { SsoSettings } from './sso-settings';
