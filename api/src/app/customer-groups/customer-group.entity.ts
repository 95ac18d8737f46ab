import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('customer_groups')
export class CustomerGroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 2000, default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 32 })
  intent!: 'grow' | 'nurture' | 'retain' | 'reduce_cost_to_serve';

  @Column({ type: 'varchar', length: 2000, default: '' })
  valueProposition!: string;

  @Column({ type: 'boolean', default: false })
  protected!: boolean;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
