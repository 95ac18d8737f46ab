/** What other features may use of idempotency/ (import it from '../idempotency', never from a file inside). */
export { Idempotent } from './idempotent.decorator';
export { IntegrityModule } from './integrity.module';
