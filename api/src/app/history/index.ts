/** What other features may use of history/ (import it from '../history', never from a file inside). */
export { HistoryModule } from './history.module';
