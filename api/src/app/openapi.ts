import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentProblemAnswers, ProblemDetailsDto } from './common';
import { normaliseDocument } from './openapi-normalise';

export function buildOpenApiDocument(app: NestFastifyApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Waypoint API')
    .setDescription(
      'Customer-centric improvement initiatives: milestones (stage gates), measures, steps, cycles. ' +
        'Every error answer is RFC 9457 problem details (application/problem+json).',
    )
    .setVersion(version)
    .addTag(
      'alerts',
      'Tension alert records: raised and resolved by the value engine, acknowledged by the owner or sponsor, dismissed by an executive.',
    )
    .addTag('audit', 'The audit trail of every change (admins).')
    .addTag(
      'auth',
      'Sign-in and sign-out, the current user, personal API tokens, set-password links.',
    )
    .addTag('briefs', 'A printable brief of an initiative.')
    .addTag('comments', 'Comments on an initiative.')
    .addTag('customer-groups', 'The customer groups initiatives and measures serve.')
    .addTag('cycle reviews', 'Reviews of an initiative at the end of a cycle.')
    .addTag('cycles', 'Planning cycles (periods) of the portfolio.')
    .addTag('departments', 'Departments that own initiatives.')
    .addTag('events', 'The live event stream (server-sent events).')
    .addTag('exports', 'CSV exports.')
    .addTag('gates', 'Gate submissions, decisions and their conditions.')
    .addTag('health', 'Liveness and readiness of the server and its database.')
    .addTag('history', 'The history of an initiative.')
    .addTag('ideas', 'The opportunity backlog: ideas, "me too", triage (merge, decline, promote).')
    .addTag('initiatives', 'Improvement initiatives: create, read, change, transition.')
    .addTag('measures', 'Measures of an initiative, with their targets.')
    .addTag('meta', 'The version and mode of the running server.')
    .addTag(
      'moments',
      "The moments that matter along each customer group's journey, and the heat map.",
    )
    .addTag(
      'money',
      "An initiative's money case, realised benefit per cycle, and the portfolio's money.",
    )
    .addTag('milestones', 'Milestones (stage gates) of an initiative and their exit criteria.')
    .addTag('notifications', 'Notifications of the signed-in user.')
    .addTag('portfolio', 'The portfolio view across initiatives, with tension alerts.')
    .addTag('readings', 'Readings of a measure, and their corrections.')
    .addTag(
      'self-assessments',
      'The customer-centricity self-assessment per cycle: anonymous answers, results from five.',
    )
    .addTag('steps', 'Steps of a milestone.')
    .addTag('templates', 'Initiative templates (DMAIC, A3, ...).')
    .addTag('users', 'Users, their roles and the sponsors list (admins).')
    .addTag('value', 'Value indices of initiatives.')
    .addTag('wins', 'Wins of completed initiatives, and their notes for customers.')
    .build();
  return normaliseDocument(
    documentProblemAnswers(
      SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsDto] }),
    ),
  );
}

/**
 * OpenAPI UI at /api/docs and the document at /api/docs-json. The document is built on the first
 * request for it (then kept): ~3 MB of live heap that an instance nobody reads the docs of need
 * not carry, since V8 sizes its next collection by the live heap.
 */
export function setupOpenApi(app: NestFastifyApplication, version: string): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app, version), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Waypoint API',
    ui: true,
    raw: ['json'],
  });
}
