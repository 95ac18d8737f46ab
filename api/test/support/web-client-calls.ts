import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

/**
 * The writes the web's client layer makes: every `this.api.post|put|patch|delete(url, ...)` of
 * `web/src/app/shared/` (the only code that talks HTTP, ARCHITECTURE.md), read from the sources
 * with the TypeScript compiler, as `METHOD /api/path/{}` with each path parameter as `{}`.
 *
 * The URL argument is evaluated the way the client builds it: the path tables
 * (`STEPS_API.one(id)`, `MILESTONES_API[action](id)`, `${API_ROOT}/...` templates, local helpers
 * such as `one(id)`), with every parameter and every other call (`segment(id)`) standing for a
 * path parameter. A key of a union of string literals (`action: GateAction`) yields each member.
 * A URL that cannot be evaluated is reported as such, so the test fails rather than guesses.
 */
export function webClientWrites(sharedDir: string): string[] {
  const files = sourceFiles(sharedDir);
  const program = ts.createProgram(files, {
    noResolve: true,
    noLib: true,
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const sources = files.flatMap((file) => program.getSourceFile(file) ?? []);
  const consts = new Map(sources.map((source) => [source, topLevelConsts(source)]));
  const exported = new Map<string, ts.Expression>();
  for (const local of consts.values()) for (const [name, value] of local) exported.set(name, value);
  // A name is looked up in its own file first (helpers such as `one`), then among all files.
  const resolve: Resolve = (name) =>
    consts.get(name.getSourceFile())?.get(name.text) ?? exported.get(name.text);
  const calls = new Set<string>();
  for (const source of sources) {
    const visit = (node: ts.Node): void => {
      const write = writeCall(node);
      if (write) {
        const [url] = write.args;
        const paths = url ? evaluate(url, new Set(), resolve, checker) : null;
        if (paths === null) {
          calls.add(`${write.method} <unevaluated: ${url?.getText(source) ?? 'no URL'}>`);
        } else {
          for (const path of paths) calls.add(`${write.method} ${path.split('?')[0]}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...calls].sort();
}

/** `METHOD /api/a/{}/b`: an OpenAPI operation with its path parameters as `{}`. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function topLevelConsts(source: ts.SourceFile): Map<string, ts.Expression> {
  const consts = new Map<string, ts.Expression>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) {
        consts.set(declaration.name.text, unwrap(declaration.initializer));
      }
    }
  }
  return consts;
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** `this.api.<write>(...)`: the method and the arguments. */
function writeCall(node: ts.Node): { method: string; args: readonly ts.Expression[] } | null {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return null;
  const { expression: target, name } = node.expression;
  if (!WRITE_METHODS.has(name.text)) return null;
  if (!ts.isPropertyAccessExpression(target) || target.name.text !== 'api') return null;
  if (target.expression.kind !== ts.SyntaxKind.ThisKeyword) return null;
  return { method: name.text.toUpperCase(), args: node.arguments };
}

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isAsExpression(current) ||
    ts.isParenthesizedExpression(current) ||
    ts.isSatisfiesExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

type Resolve = (name: ts.Identifier) => ts.Expression | undefined;

/** The strings an expression may evaluate to (`{}` for a path parameter); null when unknown. */
function evaluate(
  node: ts.Expression,
  params: ReadonlySet<string>,
  resolve: Resolve,
  checker: ts.TypeChecker,
): string[] | null {
  const expression = unwrap(node);
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
    return [expression.text];
  }
  if (ts.isTemplateExpression(expression)) {
    let results = [expression.head.text];
    for (const span of expression.templateSpans) {
      const values = evaluate(span.expression, params, resolve, checker);
      if (values === null) return null;
      results = results.flatMap((prefix) => values.map((v) => prefix + v + span.literal.text));
    }
    return results;
  }
  if (ts.isIdentifier(expression)) {
    if (params.has(expression.text)) return ['{}'];
    const value = resolve(expression);
    return value ? evaluate(value, params, resolve, checker) : null;
  }
  if (ts.isCallExpression(expression)) {
    const callee = member(expression.expression, resolve, checker);
    if (callee === null) {
      // segment(id), encodeURIComponent(id): a path parameter; an unknown table entry: unknown.
      return ts.isIdentifier(unwrap(expression.expression)) ? ['{}'] : null;
    }
    return callee.flatMap((found) => {
      const fn = ts.isIdentifier(found) ? resolve(found) : found;
      if (!fn || !ts.isArrowFunction(fn) || !ts.isExpression(fn.body)) return ['{}'];
      const names = fn.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : []));
      return evaluate(fn.body, new Set(names), resolve, checker) ?? [];
    });
  }
  const values = member(expression, resolve, checker);
  return values === null
    ? null
    : values.flatMap((value) => evaluate(value, params, resolve, checker) ?? []);
}

/** What `TABLE.key`, `TABLE[key]` or a helper's name stands for; null when it is not known. */
function member(
  node: ts.Expression,
  resolve: Resolve,
  checker: ts.TypeChecker,
): ts.Expression[] | null {
  const expression = unwrap(node);
  if (ts.isIdentifier(expression)) {
    const value = resolve(expression);
    return value ? [value] : null;
  }
  let table: ts.Expression | undefined;
  let keys: string[];
  if (ts.isPropertyAccessExpression(expression)) {
    table = ts.isIdentifier(expression.expression) ? resolve(expression.expression) : undefined;
    keys = [expression.name.text];
  } else if (ts.isElementAccessExpression(expression)) {
    table = ts.isIdentifier(expression.expression) ? resolve(expression.expression) : undefined;
    keys = literalKeys(expression.argumentExpression, checker);
  } else {
    return null;
  }
  if (!table || !ts.isObjectLiteralExpression(table)) return null;
  const found: ts.Expression[] = [];
  for (const property of table.properties) {
    const name = property.name && ts.isIdentifier(property.name) ? property.name.text : null;
    if (name === null || !keys.includes(name)) continue;
    if (ts.isPropertyAssignment(property)) found.push(unwrap(property.initializer));
    else if (ts.isShorthandPropertyAssignment(property)) found.push(property.name);
  }
  return found.length === keys.length ? found : null;
}

function literalKeys(node: ts.Expression, checker: ts.TypeChecker): string[] {
  if (ts.isStringLiteral(node)) return [node.text];
  const type = checker.getTypeAtLocation(node);
  const members = type.isUnion() ? type.types : [type];
  return members.flatMap((t) => (t.isStringLiteral() ? [t.value] : []));
}
