/** What other features may use of sso/ (import it from '../sso', never from a file inside). */
export { SsoModule } from './sso.module';
