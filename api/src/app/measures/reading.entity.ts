import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reading of a measure: append-only (the database refuses UPDATE); corrections supersede. */
@Entity('readings')
export class ReadingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  measureId!: string;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ type: 'timestamptz' })
  observedAt!: Date;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Column({ type: 'varchar', length: 2000, default: '' })
  note!: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  evidenceUrl!: string | null;

  @Column({ type: 'uuid', nullable: true })
  supersedesId!: string | null;
}
