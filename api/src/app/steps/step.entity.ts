import type { StepStatus } from '@waypoint/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A step: the work under a milestone. */
@Entity('steps')
export class StepEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  milestoneId!: string;

  @Column({ type: 'uuid' })
  initiativeId!: string;

  /** 1-based, contiguous within the milestone. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  /** YYYY-MM-DD */
  @Column({ type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'todo' })
  status!: StepStatus;

  /** The gate it was carried over from when that gate was approved (null: planned here). */
  @Column({ type: 'uuid', nullable: true })
  movedFromMilestoneId!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
