/** What other features may use of web-host/ (import it from '../web-host', never from a file inside). */
export { WebHost } from './web-host';
