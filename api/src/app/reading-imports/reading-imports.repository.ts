import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { PreviousImport } from '@waypoint/contracts';
import { type Relation } from '../auth';
import { DuplicateRecordError, isUniqueViolation } from '../common';

/** A measure a spreadsheet row may name, with the importing person's relations to it. */
export interface ImportableMeasure {
  id: string;
  name: string;
  unit: string;
  initiativeId: string;
  initiativeTitle: string;
  relations: Relation[];
}

const CONTENT_KEY = 'reading_imports_content_key';

/** Imports of readings by file content, and the measures their rows name. */
@Injectable()
export class ReadingImportsRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The import of a file with this content, if it was imported before. */
  async findPrevious(contentHash: string): Promise<PreviousImport | null> {
    const rows: Array<{
      imported_at: Date;
      user_id: string;
      display_name: string;
      imported_count: number;
    }> = await this.txHost.tx.query(
      `SELECT ri.imported_at, u.id AS user_id, u.display_name, ri.imported_count
         FROM reading_imports ri JOIN users u ON u.id = ri.imported_by
        WHERE ri.content_hash = $1`,
      [contentHash],
    );
    const row = rows[0];
    return row
      ? {
          importedAt: row.imported_at.toISOString(),
          importedBy: { id: row.user_id, displayName: row.display_name },
          importedCount: row.imported_count,
        }
      : null;
  }

  /**
   * The measures these ids or names (case-insensitive) name, with the person's relations to
   * their initiatives: one statement for the whole file.
   */
  async measuresNamed(
    ids: readonly string[],
    names: readonly string[],
    userId: string,
  ): Promise<ImportableMeasure[]> {
    const rows: Array<{
      id: string;
      name: string;
      unit: string;
      initiative_id: string;
      title: string;
      owner: boolean;
      sponsor: boolean;
      team: boolean;
    }> = await this.txHost.tx.query(
      `SELECT m.id, m.name, m.unit, i.id AS initiative_id, i.title,
              i.owner_id = $3 AS owner,
              coalesce(i.sponsor_id = $3, false) AS sponsor,
              EXISTS (SELECT 1 FROM initiative_team t
                       WHERE t.initiative_id = i.id AND t.user_id = $3) AS team
         FROM measures m JOIN initiatives i ON i.id = m.initiative_id
        WHERE m.id = ANY($1::uuid[]) OR lower(m.name) = ANY($2::text[])
        ORDER BY i.title, m.name`,
      [ids, names, userId],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      unit: r.unit,
      initiativeId: r.initiative_id,
      initiativeTitle: r.title,
      relations: [
        ...(r.owner ? (['owner'] as const) : []),
        ...(r.sponsor ? (['sponsor'] as const) : []),
        ...(r.team ? (['team'] as const) : []),
      ],
    }));
  }

  /** The measures of the initiatives the person owns or is on (every measure for an admin). */
  async measuresRecordedBy(
    userId: string,
    all: boolean,
    limit: number,
  ): Promise<ImportableMeasure[]> {
    const rows: Array<{
      id: string;
      name: string;
      unit: string;
      initiative_id: string;
      title: string;
    }> = await this.txHost.tx.query(
      `SELECT m.id, m.name, m.unit, i.id AS initiative_id, i.title
           FROM measures m JOIN initiatives i ON i.id = m.initiative_id
          WHERE $2::boolean OR i.owner_id = $1
             OR EXISTS (SELECT 1 FROM initiative_team t WHERE t.initiative_id = i.id AND t.user_id = $1)
          ORDER BY i.title, m.name
          LIMIT $3`,
      [userId, all, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      unit: r.unit,
      initiativeId: r.initiative_id,
      initiativeTitle: r.title,
      relations: [],
    }));
  }

  /** Records an import; a second import of the same content (a race) is a 409. */
  async insert(values: {
    contentHash: string;
    fileName: string;
    importedBy: string;
    rowCount: number;
    importedCount: number;
  }): Promise<string> {
    try {
      const rows: Array<{ id: string }> = await this.txHost.tx.query(
        `INSERT INTO reading_imports (content_hash, file_name, imported_by, row_count, imported_count)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          values.contentHash,
          values.fileName,
          values.importedBy,
          values.rowCount,
          values.importedCount,
        ],
      );
      return rows[0]?.id ?? '';
    } catch (error) {
      if (isUniqueViolation(error, CONTENT_KEY)) {
        throw new DuplicateRecordError('This file is being imported or was just imported.');
      }
      throw error;
    }
  }
}
