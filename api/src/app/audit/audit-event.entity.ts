import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of the append-only audit trail (the database refuses UPDATE, DELETE, TRUNCATE). */
@Entity('audit_events')
export class AuditEventEntity {
  /** bigint: the driver gives it as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  action!: string;

  @Column({ type: 'varchar', length: 100 })
  entityType!: string;

  @Column({ type: 'varchar', length: 100 })
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: object | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;

  /** The initiative the record belongs to, for the initiative's history (null otherwise). */
  @Column({ type: 'uuid', nullable: true })
  initiativeId!: string | null;
}
