/** What other features may use of exports/ (import it from '../exports', never from a file inside). */
export { ExportsModule } from './exports.module';
