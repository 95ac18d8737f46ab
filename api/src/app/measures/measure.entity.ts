import type { Cadence, Direction, KpiClass, Perspective } from '@waypoint/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A measure (KPI) of an initiative (table from migration 1764000000300-Domain). */
@Entity('measures')
export class MeasureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  initiativeId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  unit!: string;

  @Column({ type: 'varchar', length: 16 })
  perspective!: Perspective;

  @Column({ type: 'varchar', length: 20 })
  direction!: Direction;

  /** Null: taken from the first reading (a trigger of migration 1764000003600 sets it). */
  @Column({ type: 'double precision', nullable: true })
  baseline!: number | null;

  @Column({ type: 'double precision' })
  target!: number;

  /** YYYY-MM-DD. */
  @Column({ type: 'date', nullable: true })
  targetDate!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'monthly' })
  cadence!: Cadence;

  @Column({ type: 'varchar', length: 20, default: 'neutral' })
  kpiClass!: KpiClass;

  @Column({ type: 'uuid', nullable: true })
  customerGroupId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  counterMeasureId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  recorderId!: string | null;

  @Column({ type: 'double precision', default: 1 })
  weight!: number;

  @Column({ type: 'timestamptz', nullable: true })
  baselineFrozenAt!: Date | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
