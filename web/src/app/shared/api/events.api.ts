import { API_ROOT } from './api-client';

/** GET /api/events: the live updates (server-sent events), opened with EventSource. */
export const LIVE_EVENTS_URL = `${API_ROOT}/events`;
