import type { DecisionOutcome, EvidenceSnapshot } from '@waypoint/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A submitted gate: the evidence snapshot frozen at submission (the table refuses UPDATE). */
@Entity('gate_submissions')
export class GateSubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  milestoneId!: string;

  @Column({ type: 'uuid' })
  submittedBy!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  submittedAt!: Date;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ type: 'jsonb' })
  snapshot!: EvidenceSnapshot;
}

/** The decision on one submission (at most one: submission_id is unique; append-only). */
@Entity('gate_decisions')
export class GateDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  milestoneId!: string;

  @Column({ type: 'uuid' })
  submissionId!: string;

  @Column({ type: 'uuid' })
  deciderId!: string;

  @Column({ type: 'varchar', length: 24 })
  outcome!: DecisionOutcome;

  @Column({ type: 'varchar', length: 4000, default: '' })
  rationale!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  decidedAt!: Date;
}
