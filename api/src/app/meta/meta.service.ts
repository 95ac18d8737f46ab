import { Injectable, Logger, NotFoundException, type OnApplicationBootstrap } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { MetaResponse } from '@waypoint/contracts';
import { AppConfig } from '../config';
import { DemoService } from '../demo';
import { InstallationRepository } from './installation.repository';

@Injectable()
export class MetaService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Installation');

  constructor(
    private readonly config: AppConfig,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly installations: InstallationRepository,
    private readonly demo: DemoService,
  ) {}

  /** On an empty database: record the installation and, in demo mode, load the demo organisation. */
  async onApplicationBootstrap(): Promise<void> {
    const created = await this.txHost.withTransaction(() =>
      this.installations.createIfAbsent(this.config.demo),
    );
    // The demo is played through the application's services, each in its own transaction.
    if (created && this.config.demo) await this.demo.load();
    if (created) {
      this.logger.log(
        this.config.demo
          ? 'new installation: demo organisation loaded'
          : 'new installation (WAYPOINT_DEMO=false: no demo data)',
      );
    }
  }

  async meta(): Promise<MetaResponse> {
    const installation = await this.installations.find();
    if (!installation)
      throw new NotFoundException('This installation has not been initialised yet.');
    return {
      version: this.config.version,
      installationId: installation.id,
      installedAt: installation.createdAt.toISOString(),
      demo: installation.demo,
      database: this.config.database.kind,
      currency: this.config.currency,
    };
  }
}
