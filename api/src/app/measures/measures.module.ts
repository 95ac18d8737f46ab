import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { LiveModule } from '../live';
import { MeasureSearchRepository } from './measure-search.repository';
import { MeasureEntity } from './measure.entity';
import { MeasuresController } from './measures.controller';
import { MeasuresRepository } from './measures.repository';
import { MeasuresService } from './measures.service';
import { ReadingEntity } from './reading.entity';
import { ReadingWithdrawalEntity } from './reading-withdrawal.entity';
import { ReadingsController } from './readings.controller';
import { ReadingsRepository } from './readings.repository';
import { ReadingsService } from './readings.service';

/** Measures (KPIs) of initiatives and their append-only readings. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MeasureEntity, ReadingEntity, ReadingWithdrawalEntity]),
    AuditModule,
    LiveModule,
  ],
  controllers: [MeasuresController, ReadingsController],
  providers: [
    MeasuresService,
    MeasuresRepository,
    MeasureSearchRepository,
    ReadingsService,
    ReadingsRepository,
  ],
  exports: [MeasuresRepository, ReadingsRepository],
})
export class MeasuresModule {}
