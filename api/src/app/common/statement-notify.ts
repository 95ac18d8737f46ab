/**
 * Live events for one SQL statement of a transaction to NOTIFY, delivered at its commit
 * (LiveBus.takeForStatement hands them out; the value engine's write sends them). Declared here
 * so that a repository can take them without importing live/.
 */
export interface StatementNotify {
  channel: string;
  /** The encoded events: none when events do not travel through PostgreSQL. */
  payloads: string[];
}
