import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { WebhookEvent, WebhookFormat } from '@waypoint/contracts';

/** An address that is posted the events it follows (migration 1764000003700). */
@Entity('webhooks')
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'varchar', length: 40, array: true })
  events!: WebhookEvent[];

  @Column({ type: 'varchar', length: 20 })
  format!: WebhookFormat;

  /** The HMAC key of the signatures; never answered but at creation and rotation. */
  @Column({ type: 'varchar', length: 200 })
  secret!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
