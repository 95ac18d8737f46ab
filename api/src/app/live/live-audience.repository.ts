import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Who is on an initiative (owner, sponsor, team): the members who may see its changes. */
@Injectable()
export class LiveAudienceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async peopleOn(initiativeId: string): Promise<Set<string>> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(
      `SELECT i.owner_id AS user_id FROM initiatives i WHERE i.id = $1
       UNION SELECT i.sponsor_id FROM initiatives i WHERE i.id = $1 AND i.sponsor_id IS NOT NULL
       UNION SELECT t.user_id FROM initiative_team t WHERE t.initiative_id = $1`,
      [initiativeId],
    );
    return new Set(rows.map((row) => row.user_id));
  }
}
