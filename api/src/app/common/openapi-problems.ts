import type { OpenAPIObject } from '@nestjs/swagger';

const PROBLEM_CONTENT = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } },
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface OperationLike {
  parameters?: unknown[];
  responses: Record<string, { description?: string; content?: unknown }>;
  'x-waypoint-permission'?: string;
}

/**
 * Completes the error answers of every operation in the OpenAPI document: each is RFC 9457
 * problem details served as application/problem+json, and the answers the framework gives to
 * any request are listed where they apply (a token that is not valid: 401; a malformed
 * parameter, header or JSON body: 400; a body too large: 413; not JSON: 415; with If-Match:
 * stale 412, missing 428).
 */
export function documentProblemAnswers(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as OperationLike | undefined;
      if (!operation) continue;
      const responses = operation.responses;
      const add = (status: number, description: string): void => {
        responses[String(status)] ??= { description };
      };
      const isPublic = operation['x-waypoint-permission'] === undefined;
      add(
        401,
        isPublic
          ? 'A session cookie or API token was sent and is not valid.'
          : 'Not signed in, or the session or API token is not valid.',
      );
      const hasParameters = (operation.parameters ?? []).length > 0;
      const takesBody = method !== 'get';
      if (hasParameters || takesBody) {
        add(400, 'Invalid input: malformed parameters, headers or JSON body (per-field `errors`).');
      }
      const ifMatch = (operation.parameters ?? []).find(
        (p): p is { in: string; name: string; required?: boolean } =>
          typeof p === 'object' &&
          p !== null &&
          (p as { in?: unknown }).in === 'header' &&
          (p as { name?: unknown }).name === 'If-Match',
      );
      if (ifMatch) {
        add(412, 'The record changed since you read it (If-Match is stale): reload and reapply.');
        if (ifMatch.required === true) {
          add(428, 'If-Match is missing: send the ETag of the record you read.');
        }
      }
      if (takesBody) {
        add(413, 'The request body is larger than this server accepts.');
        add(415, 'The request body is not application/json.');
      }
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400) response.content = PROBLEM_CONTENT;
      }
    }
  }
  return document;
}
