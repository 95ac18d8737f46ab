import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentProblemAnswers, ProblemDetailsDto } from './common';

export function buildOpenApiDocument(app: NestFastifyApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Waypoint API')
    .setDescription(
      'Customer-centric improvement initiatives: milestones (stage gates), measures, steps, cycles. ' +
        'Every error answer is RFC 9457 problem details (application/problem+json).',
    )
    .setVersion(version)
    .build();
  return documentProblemAnswers(
    SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsDto] }),
  );
}

/** OpenAPI UI at /api/docs and the document at /api/docs-json. */
export function setupOpenApi(app: NestFastifyApplication, version: string): void {
  const document = buildOpenApiDocument(app, version);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Waypoint API',
    ui: true,
    raw: ['json'],
  });
}
