import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The one query helper of the portfolio, value, export and brief repositories. Statements are
 * counted for the request (X-SQL-Statements) by the app's TypeORM logger, like every other.
 */
@Injectable()
export class CountedSql {
  constructor(private readonly dataSource: DataSource) {}

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.dataSource.query(sql, [...params])) as T[];
  }
}
