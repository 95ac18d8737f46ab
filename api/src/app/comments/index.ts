/** What other features may use of comments/ (import it from '../comments', never from a file inside). */
export { CommentEntity } from './comment.entity';
export { CommentsModule } from './comments.module';
export { CommentsService } from './comments.service';
