import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class HealthRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Round-trip time of `SELECT 1` in ms, or null when the database does not answer in time. */
  async ping(timeoutMs: number): Promise<number | null> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    try {
      const answered = await Promise.race([
        this.dataSource.query('SELECT 1').then(() => true),
        timeout,
      ]);
      return answered ? Math.round((performance.now() - started) * 10) / 10 : null;
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
