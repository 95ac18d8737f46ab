import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type Observable, tap } from 'rxjs';
import { etagFor, versionOf } from './etag';

/**
 * Global: every answer that is one versioned resource (a body with an integer `version`)
 * carries its strong ETag, `"<version>"`. So single-resource GETs, creates and PATCHes all
 * tell the client what to send back in If-Match, without code in the handlers.
 */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      tap((body) => {
        const version = versionOf(body);
        if (version !== null && !reply.sent && !reply.hasHeader('ETag')) {
          void reply.header('ETag', etagFor(version));
        }
      }),
    );
  }
}
