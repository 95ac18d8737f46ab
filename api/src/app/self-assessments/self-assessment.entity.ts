import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A self-assessment of one cycle, for the organisation (no department) or one department. */
@Entity('self_assessments')
export class SelfAssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  cycleId!: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ type: 'integer' })
  questionSetVersion!: number;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status!: 'open' | 'closed';

  @Column({ type: 'uuid' })
  openedBy!: string;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The secret of the respondent keys while open; cleared when closed (never leaves the API). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  answerKey!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
