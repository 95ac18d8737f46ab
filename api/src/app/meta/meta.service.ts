import { Injectable, Logger, NotFoundException, type OnApplicationBootstrap } from '@nestjs/common';
import type { MetaResponse } from '@waypoint/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DemoService } from '../demo/demo.service';
import { InstallationRepository } from './installation.repository';

@Injectable()
export class MetaService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Installation');

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly installations: InstallationRepository,
    private readonly demo: DemoService,
  ) {}

  /** On an empty database: record the installation and, in demo mode, load the demo organisation. */
  async onApplicationBootstrap(): Promise<void> {
    const created = await this.dataSource.transaction((manager) =>
      this.installations.createIfAbsent(manager, this.config.demo),
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
    };
  }
}
