import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The app's source files outside the client layer, its specs and the app's providers. */
function sourcesOutsideTheClientLayer(): Array<{ path: string; text: string }> {
  const root = join(__dirname, '..', '..', '..');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  walk(root);
  return files
    .map((path) => relative(root, path).split('\\').join('/'))
    .filter(
      (path) =>
        !path.startsWith('app/shared/api/') &&
        !path.endsWith('.spec.ts') &&
        !path.endsWith('.testing.ts') &&
        path !== 'app/app.config.ts',
    )
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

describe('one way to reach the API', () => {
  const sources = sourcesOutsideTheClientLayer();

  it('finds the app to check', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it('injects HttpClient only in the client layer', () => {
    const holders = sources
      .filter(({ text }) =>
        /import\s*\{[^}]*\bHttpClient\b[^}]*\}\s*from\s*'@angular\/common\/http'/.test(text),
      )
      .map(({ path }) => path);
    expect(holders).toEqual([]);
  });

  it('spells API paths only in the client layer', () => {
    const spellers = sources.filter(({ text }) => /['`]\/api\//.test(text)).map(({ path }) => path);
    expect(spellers).toEqual([]);
  });
});
