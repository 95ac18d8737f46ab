import type { AppConfig } from '../config';
import type { EmbeddedDatabase } from './embedded-database';
import { preflightDatabase } from './preflight';

export interface OpenDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
  /** One line for the start-up log: which database, and where its data lives. */
  description: string;
  close(): Promise<void>;
}

/** The configured server (checked once), or the embedded database in its data folder. */
export async function openDatabase(config: AppConfig): Promise<OpenDatabase> {
  if (config.database.kind === 'server') {
    await preflightDatabase(config.database.url, config.database.display);
    return {
      url: config.database.url,
      embedded: null,
      description: `PostgreSQL server ${config.database.display}`,
      close: () => Promise.resolve(),
    };
  }
  // Loaded only for the embedded default: PGlite is not needed beside a database server.
  const { startEmbeddedDatabase } = await import('./embedded-database');
  const embedded = await startEmbeddedDatabase({
    dataDir: config.database.dataDir,
    maxConnections: config.poolSize + 2,
  });
  return {
    url: embedded.url,
    embedded,
    description: `embedded PostgreSQL (PGlite), data in ${embedded.dataDir ?? 'memory'}`,
    close: () => embedded.close(),
  };
}
