import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { MeasuresModule } from '../measures';
import { ReadingImportsController } from './reading-imports.controller';
import { ReadingImportsRepository } from './reading-imports.repository';
import { ReadingImportsService } from './reading-imports.service';

/** Readings imported from spreadsheets (issue 19, part 3). */
@Module({
  imports: [AuditModule, MeasuresModule],
  controllers: [ReadingImportsController],
  providers: [ReadingImportsService, ReadingImportsRepository],
})
export class ReadingImportsModule {}
