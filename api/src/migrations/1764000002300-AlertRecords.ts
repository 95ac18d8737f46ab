import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alert records (issue 13, "alerts are records people act on"): `alerts` keeps each tension alert
 * the value engine raised with what raised it (its readings, the initiative's indices and the
 * measures' moves, in `detail`) and where it is (open, acknowledged, resolved, dismissed);
 * `alert_events` keeps its history. At most one live (open or acknowledged) alert per identity:
 * initiative, cycle, kind and, for the kinds about one measure, that measure.
 *
 * Existing data gets its records from the next write of each initiative's value inputs.
 */
export class AlertRecords1764000002300 implements MigrationInterface {
  name = 'AlertRecords1764000002300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        kind varchar(60) NOT NULL CONSTRAINT alerts_kind_check CHECK (kind IN (
          'customer_worsens_as_business_improves', 'business_worsens_as_customer_improves',
          'counter_measure_worsens', 'protected_group_worsens')),
        measure_id uuid REFERENCES measures (id) ON DELETE CASCADE,
        status varchar(20) NOT NULL DEFAULT 'open' CONSTRAINT alerts_status_check
          CHECK (status IN ('open', 'acknowledged', 'resolved', 'dismissed')),
        severity varchar(20) NOT NULL CONSTRAINT alerts_severity_check
          CHECK (severity IN ('warning', 'critical')),
        explanation text NOT NULL,
        measure_ids uuid[] NOT NULL DEFAULT '{}',
        reading_ids uuid[] NOT NULL DEFAULT '{}',
        detail jsonb NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_by uuid REFERENCES users (id),
        acknowledged_at timestamptz,
        acknowledgement_note text,
        dismissed_by uuid REFERENCES users (id),
        dismissed_at timestamptz,
        dismissal_reason text,
        resolved_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT alerts_acknowledgement_check CHECK (
          (acknowledged_at IS NULL) = (acknowledgement_note IS NULL)),
        CONSTRAINT alerts_dismissal_check CHECK (
          (status = 'dismissed') = (dismissal_reason IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX alerts_live_identity ON alerts
         (initiative_id, cycle_id, kind, coalesce(measure_id, '00000000-0000-0000-0000-000000000000'))
         WHERE status IN ('open', 'acknowledged')`,
    );
    await q.query(`CREATE INDEX alerts_initiative_cycle_idx ON alerts (initiative_id, cycle_id)`);
    await q.query(`CREATE INDEX alerts_status_raised_idx ON alerts (status, raised_at DESC, id)`);
    await q.query(`CREATE INDEX alerts_cycle_idx ON alerts (cycle_id)`);
    await q.query(`
      CREATE TABLE alert_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
        action varchar(20) NOT NULL CONSTRAINT alert_events_action_check
          CHECK (action IN ('raised', 'acknowledged', 'resolved', 'dismissed')),
        actor_id uuid REFERENCES users (id),
        note text,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX alert_events_alert_idx ON alert_events (alert_id, at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_events`);
    await q.query(`DROP TABLE alerts`);
  }
}
