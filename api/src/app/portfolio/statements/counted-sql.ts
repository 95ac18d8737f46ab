import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { countStatement } from './statement-counter';

/**
 * The one query helper of the portfolio, value, export and brief repositories: every statement
 * goes through here and is counted for the request (X-SQL-Statements).
 */
@Injectable()
export class CountedSql {
  constructor(private readonly dataSource: DataSource) {}

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    countStatement();
    return (await this.dataSource.query(sql, [...params])) as T[];
  }
}
