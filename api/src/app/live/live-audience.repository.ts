import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Who is on an initiative (owner, team): the members who may see its changes. Not its sponsor: a
 * sponsorship counts only while the sponsor is an executive or an admin (RELATION_ROLES), whose
 * streams see every change anyway; a demoted sponsor sees what the list and the detail show.
 */
@Injectable()
export class LiveAudienceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async peopleOn(initiativeId: string): Promise<Set<string>> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(
      `SELECT i.owner_id AS user_id FROM initiatives i WHERE i.id = $1
       UNION SELECT t.user_id FROM initiative_team t WHERE t.initiative_id = $1`,
      [initiativeId],
    );
    return new Set(rows.map((row) => row.user_id));
  }
}
