/**
 * A start-up problem the operator can fix. main.ts prints its message on one line and exits;
 * it never carries a stack trace to the console.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
