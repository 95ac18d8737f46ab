import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { InstallationEntity } from './installation.entity';

export interface Installation {
  id: string;
  createdAt: Date;
  demo: boolean;
}

@Injectable()
export class InstallationRepository {
  constructor(
    @InjectRepository(InstallationEntity)
    private readonly repository: Repository<InstallationEntity>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  async find(): Promise<Installation | null> {
    return this.repository.findOne({
      where: { singleton: true },
      select: ['id', 'createdAt', 'demo'],
    });
  }

  /** Creates the installation record unless one exists; true when this call created it. */
  async createIfAbsent(demo: boolean): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(
      `INSERT INTO installation (demo) VALUES ($1) ON CONFLICT (singleton) DO NOTHING RETURNING id`,
      [demo],
    );
    return rows.length === 1;
  }
}
