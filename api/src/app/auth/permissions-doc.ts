import { ROLE_VALUES } from '@waypoint/contracts';
import { PERMISSION_EXTENSION, PUBLIC_EXTENSION } from './permission.decorator';
import { PERMISSIONS, type Permission, RELATION_ROLES, type Relation } from './permissions';

interface Operation {
  [key: string]: unknown;
}
export interface OpenApiLike {
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export interface DeclaredEndpoint {
  method: string;
  path: string;
  permission: Permission | null;
  isPublic: boolean;
}

/** Every operation of the OpenAPI document with what it declares. */
export function declaredEndpoints(doc: OpenApiLike): DeclaredEndpoint[] {
  const out: DeclaredEndpoint[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const permission = (op[PERMISSION_EXTENSION] as Permission | undefined) ?? null;
      out.push({
        method: method.toUpperCase(),
        path,
        permission,
        isPublic: op[PUBLIC_EXTENSION] === true,
      });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** docs/permissions.md, generated from PERMISSIONS and the endpoints that declare them. */
export function renderPermissionsDoc(doc: OpenApiLike): string {
  const endpoints = declaredEndpoints(doc);
  const lines = [
    '# Permissions',
    '',
    '<!-- Generated from api/src/app/auth/permissions.ts and the OpenAPI document by',
    '     `npm run docs:permissions`. Do not edit by hand: a test fails when this file is stale. -->',
    '',
    'Every endpoint declares one permission (or is public). The server denies by default: an',
    'endpoint without a declaration answers 403 to everyone, and a test fails. A permission is',
    "granted by the user's role; permissions on an initiative are also granted by the user's",
    'relation to it (owner, sponsor, team member) where the table says so.',
    '',
    '',
    'A relation counts only while the user holds the role it presumes, so rights follow a change',
    'of role at once (an executive demoted to member no longer decides as sponsor, and the',
    'initiatives they sponsor show `needsSponsor` until an admin or owner chooses another):',
    '',
    ...(Object.entries(RELATION_ROLES) as Array<[Relation, readonly string[]]>).map(
      ([relation, roles]) => `- ${relation}: while ${roles.join(', ')}`,
    ),
    '',
    `| permission | what it allows | ${ROLE_VALUES.join(' | ')} | relations |`,
    `| --- | --- | ${ROLE_VALUES.map(() => ':---:').join(' | ')} | --- |`,
  ];
  for (const [name, rule] of Object.entries(PERMISSIONS)) {
    const roles = ROLE_VALUES.map((role) =>
      (rule.roles as readonly string[]).includes(role) ? 'yes' : '—',
    );
    const relations = 'relations' in rule ? (rule.relations as readonly string[]).join(', ') : '—';
    lines.push(`| \`${name}\` | ${rule.description} | ${roles.join(' | ')} | ${relations} |`);
  }
  lines.push('', '## Endpoints', '', '| method | path | permission |', '| --- | --- | --- |');
  for (const e of endpoints) {
    const what = e.isPublic
      ? 'public'
      : e.permission
        ? `\`${e.permission}\``
        : '**none: denied to all**';
    lines.push(`| ${e.method} | \`${e.path}\` | ${what} |`);
  }
  lines.push(
    '',
    'OpenAPI UI and document (`/api/docs`, `/api/docs-json`) and the web app are public.',
    '',
  );
  return lines.join('\n');
}
