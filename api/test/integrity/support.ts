import { type Answer, auditCount, send } from '../support/http';

export { type Answer, auditCount, send };
