import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DemoModule } from '../demo';
import { InstallationEntity } from './installation.entity';
import { InstallationRepository } from './installation.repository';
import { MetaController } from './meta.controller';
import { MetaService } from './meta.service';

@Module({
  imports: [TypeOrmModule.forFeature([InstallationEntity]), DemoModule],
  controllers: [MetaController],
  providers: [MetaService, InstallationRepository],
})
export class MetaModule {}
