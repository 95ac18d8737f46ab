/** What other features may use of measures/ (import it from '../measures', never from a file inside). */
export { MeasureUserRefDto, ReadingSummaryDto } from './dto/measure.dto';
export { MeasureEntity } from './measure.entity';
export { MeasuresModule } from './measures.module';
export { MeasuresRepository } from './measures.repository';
export { MeasuresService } from './measures.service';
export { ReadingEntity } from './reading.entity';
export { ReadingWithdrawalEntity } from './reading-withdrawal.entity';
export { OBSERVED_AT_SKEW_MS, ReadingsService } from './readings.service';
export { readingKey, ReadingsRepository } from './readings.repository';
