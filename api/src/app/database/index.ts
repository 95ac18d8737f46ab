/** What other features may use of database/ (import it from '../database', never from a file inside). */
export { DatabaseModule } from './database.module';
