import type { ReviewDecision } from '@waypoint/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** The plan-do-check-act review of one initiative in one cycle. */
@Entity('cycle_reviews')
export class CycleReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  initiativeId!: string;

  @Column({ type: 'uuid' })
  cycleId!: string;

  @Column({ type: 'varchar', length: 4000, default: '' })
  intent!: string;

  @Column({ type: 'varchar', length: 4000, default: '' })
  predictedChange!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  decision!: ReviewDecision | null;

  @Column({ type: 'varchar', length: 4000, default: '' })
  learnings!: string;

  @Column({ type: 'varchar', length: 4000, default: '' })
  nextIntent!: string;

  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
