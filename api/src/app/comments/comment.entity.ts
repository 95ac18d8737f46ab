import type { CommentTargetType } from '@waypoint/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A comment on an initiative, one of its milestones or one of its steps. Plain text. */
@Entity('comments')
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  initiativeId!: string;

  @Column({ type: 'varchar', length: 16 })
  targetType!: CommentTargetType;

  @Column({ type: 'uuid' })
  targetId!: string;

  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'varchar', length: 4000 })
  body!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
