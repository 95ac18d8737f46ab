import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** An improvement cycle: from `startsOn` to `endsOn`, both days included. */
@Entity('cycles')
export class CycleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  /** YYYY-MM-DD. */
  @Column({ type: 'date' })
  startsOn!: string;

  /** YYYY-MM-DD, the last day of the cycle. */
  @Column({ type: 'date' })
  endsOn!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
