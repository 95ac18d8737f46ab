import type { Approach, InitiativeStatus } from '@waypoint/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** An improvement initiative (DOMAIN.md); team and customer groups live in join tables. */
@Entity('initiatives')
export class InitiativeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 4000, default: '' })
  problem!: string;

  @Column({ type: 'varchar', length: 4000, default: '' })
  hypothesis!: string;

  @Column({ type: 'varchar', length: 32 })
  approach!: Approach;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: InitiativeStatus;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'uuid', nullable: true })
  sponsorId!: string | null;

  @Column({ type: 'smallint', nullable: true })
  estimatedCustomerValue!: number | null;

  @Column({ type: 'smallint', nullable: true })
  estimatedBusinessValue!: number | null;

  @Column({ type: 'smallint', nullable: true })
  readinessScore!: number | null;

  @Column({ type: 'varchar', length: 4000, default: '' })
  readinessNotes!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  template!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
