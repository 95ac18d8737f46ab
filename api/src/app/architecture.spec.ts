import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Linter, type Rule } from 'eslint';

interface DeepFeatureImports {
  rule: Rule.RuleModule;
  deepFeatureImport(appRoot: string, fromFile: string, source: string): string | null;
}

// The lint rule of api/eslint.config.mjs (CommonJS, so that both ESLint and this spec load it).
const lint = require('../../eslint-rules/no-deep-feature-imports.cjs') as DeepFeatureImports;

const APP = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The module specifiers of a file's import and export-from statements. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const pattern =
    /^\s*(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? '');
}

const features = readdirSync(APP).filter((name) => statSync(join(APP, name)).isDirectory());

/** The feature folder of a path inside api/src/app: a file in it, or the folder itself. */
function featureOf(path: string): string | null {
  const first = relative(APP, path).split(sep)[0] ?? '';
  return features.includes(first) ? first : null;
}

const files = sourceFiles(APP);

/** Feature -> the features it imports (specs included: a spec is part of its feature). */
function featureGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = featureOf(file);
    if (from === null) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const source of importsOf(file)) {
      if (!source.startsWith('.')) continue;
      const to = featureOf(join(file, '..', source));
      if (to !== null && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every elementary cycle found by a depth-first search, each as a path a -> b -> ... -> a. */
function cyclesOf(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    path.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(next) === 'open') {
        found.add([...path.slice(path.indexOf(next)), next].join(' -> '));
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return [...found];
}

describe('architecture of api/src/app', () => {
  it('has no import cycle between feature folders', () => {
    const graph = featureGraph();
    expect(graph.size).toBeGreaterThan(20);
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const graph = new Map([
      ['gates', new Set(['milestones', 'common'])],
      ['milestones', new Set(['gates'])],
      ['common', new Set<string>()],
    ]);
    expect(cyclesOf(graph)).toEqual(['gates -> milestones -> gates']);
  });

  it('imports another feature only through its index.ts', () => {
    const deep = files.flatMap((file) =>
      importsOf(file)
        .filter((source) => lint.deepFeatureImport(APP, file, source) !== null)
        .map((source) => `${relative(APP, file)}: ${source}`),
    );
    expect(deep).toEqual([]);
  });

  it('gives every feature folder an index.ts', () => {
    expect(features.filter((feature) => !files.includes(join(APP, feature, 'index.ts')))).toEqual(
      [],
    );
  });

  describe('the lint rule (waypoint/no-deep-feature-imports)', () => {
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [
      {
        files: ['**/*.ts'],
        plugins: { waypoint: { rules: { 'no-deep-feature-imports': lint.rule } } },
        rules: { 'waypoint/no-deep-feature-imports': 'error' },
      },
    ];
    const messages = (file: string, code: string) =>
      linter
        .verify(code, config, { filename: join(APP, file) })
        .map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);

    it('refuses a deep import into another feature, naming its index', () => {
      expect(
        messages(
          'steps/sample.ts',
          "import { GatesModule } from '../gates/gates.module';\nexport const a = GatesModule;\n",
        ),
      ).toEqual([
        "waypoint/no-deep-feature-imports: '../gates/gates.module' reaches inside the gates " +
          "feature: import it from its index ('../gates').",
      ]);
      expect(
        messages(
          'steps/dto/sample.ts',
          "export { UserRefDto } from '../../milestones/dto/gate.dto';\n",
        ),
      ).toHaveLength(1);
    });

    it("allows another feature's index, its own files and packages", () => {
      expect(
        messages(
          'steps/dto/sample.ts',
          [
            "import { GatesModule } from '../../gates';",
            "import { StepsService } from '../steps.service';",
            "import { Module } from '@nestjs/common';",
            'export const a = [GatesModule, StepsService, Module];',
          ].join('\n'),
        ),
      ).toEqual([]);
    });
  });
});
