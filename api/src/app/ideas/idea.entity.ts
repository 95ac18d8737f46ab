import type { IdeaStatus } from '@waypoint/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** An idea of the opportunity backlog (seed 004, involve everyone). */
@Entity('ideas')
export class IdeaEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 160 })
  title!: string;

  @Column({ type: 'uuid' })
  customerGroupId!: string;

  @Column({ type: 'uuid', nullable: true })
  momentId!: string | null;

  @Column({ type: 'varchar', length: 4000 })
  pain!: string;

  @Column({ type: 'varchar', length: 4000, default: '' })
  evidence!: string;

  @Column({ type: 'smallint' })
  customerImpact!: number;

  @Column({ type: 'smallint' })
  businessValue!: number;

  @Column({ type: 'smallint' })
  effort!: number;

  /** libs/domain ideaPriority, kept up to date on every write that changes it. */
  @Column({
    type: 'numeric',
    precision: 6,
    scale: 1,
    transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
  })
  priority!: number;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status!: IdeaStatus;

  @Column({ type: 'uuid' })
  submittedBy!: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  declineReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  initiativeId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  triagedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  triagedAt!: Date | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
