import type { NotificationKind } from '@waypoint/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One notification in a user's inbox. Written once; only `readAt` changes afterwards. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 2000, default: '' })
  body!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  link!: string;

  @Column({ type: 'uuid', nullable: true })
  initiativeId!: string | null;

  /** Unique per user when set: the same event never reaches a user twice. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
