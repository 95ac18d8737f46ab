/** `--name value`, `--name=value` and `--flag` arguments of the performance scripts. */
export class CliArgs {
  private readonly values = new Map<string, string | true>();

  constructor(argv: readonly string[]) {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i] ?? '';
      if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}".`);
      const eq = arg.indexOf('=');
      if (eq > 0) {
        this.values.set(arg.slice(2, eq), arg.slice(eq + 1));
        continue;
      }
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        this.values.set(arg.slice(2), next);
        i++;
      } else {
        this.values.set(arg.slice(2), true);
      }
    }
  }

  flag(name: string): boolean {
    return this.values.get(name) === true;
  }

  text(name: string): string | undefined {
    const value = this.values.get(name);
    return typeof value === 'string' ? value : undefined;
  }

  positiveInt(name: string, fallback: number): number {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`--${name} must be a positive whole number (got "${raw}").`);
    }
    return value;
  }
}

/** A one-line progress bar on stderr (redrawn in place on a terminal, else one line a step). */
export class ProgressBar {
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly width = 30,
  ) {}

  advance(weight: number, label: string): void {
    this.done = Math.min(this.total, this.done + weight);
    const filled = Math.round((this.done / this.total) * this.width);
    const percent = Math.round((this.done / this.total) * 100);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}] ${String(percent).padStart(3)}% ${label}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(70)}`);
    else process.stderr.write(`${line}\n`);
  }

  finish(): void {
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
