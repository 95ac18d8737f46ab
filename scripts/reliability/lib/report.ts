import { loadavg } from 'node:os';

/** Collects named checks and prints them; the scripts exit non-zero when one fails. */
export class Checks {
  private readonly results: { name: string; ok: boolean; detail: string }[] = [];

  add(name: string, ok: boolean, detail = ''): void {
    this.results.push({ name, ok, detail });
  }

  get failed(): number {
    return this.results.filter((r) => !r.ok).length;
  }

  print(): void {
    for (const r of this.results) {
      process.stdout.write(
        `${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.detail ? ` (${r.detail})` : ''}\n`,
      );
    }
    process.stdout.write(
      `${this.results.length - this.failed} checks passed, ${this.failed} failed\n`,
    );
  }
}

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}
