import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A reading taken out of every computed value, with why: final (the database refuses UPDATE). */
@Entity('reading_withdrawals')
export class ReadingWithdrawalEntity {
  @PrimaryColumn({ type: 'uuid' })
  readingId!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'uuid' })
  withdrawnBy!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  withdrawnAt!: Date;
}
