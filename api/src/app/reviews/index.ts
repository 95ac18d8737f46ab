/** What other features may use of reviews/ (import it from '../reviews', never from a file inside). */
export { CycleReviewEntity } from './cycle-review.entity';
export { CycleReviewResponseDto } from './dto/review.dto';
export { ApiOptionalIfMatch, OptionalIfMatch } from './optional-if-match.decorator';
export { ReviewsModule } from './reviews.module';
export { ReviewsRepository } from './reviews.repository';
export { ReviewsService, mapReview } from './reviews.service';
