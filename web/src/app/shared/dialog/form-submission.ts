import { HttpErrorResponse } from '@angular/common/http';
import { computed, signal } from '@angular/core';
import { fieldErrorsOf, genericErrorMessage } from '../problem';

/**
 * The state of a form that saves through the API: busy while it saves, and the error of the last
 * attempt, told per field (`fieldErrors`) and for the form as a whole (`message`).
 */
export class FormSubmission {
  readonly busy = signal(false);
  private readonly failure = signal<HttpErrorResponse | null>(null);

  /**
   * @param fields the fields that show their own errors from the API.
   * @param whenFields what the form says when some field has an error: null says nothing more.
   */
  constructor(
    private readonly fields: readonly string[],
    private readonly whenFields: string | null = null,
  ) {}

  /** What the form says of the last attempt: null when it did not fail. */
  readonly message = computed(() => {
    const error = this.failure();
    if (!error) return null;
    if (this.fields.some((field) => fieldErrorsOf(error, field).length > 0)) return this.whenFields;
    return genericErrorMessage(error);
  });

  /** The API's errors of one field in the last attempt. */
  fieldErrors(field: string): string[] {
    return fieldErrorsOf(this.failure(), field);
  }

  /**
   * Runs `work` with busy set and the last error cleared. An HTTP error is kept to show (and handed
   * to `onError`); any other error is thrown.
   */
  async run(
    work: () => Promise<void>,
    onError?: (error: HttpErrorResponse) => void,
  ): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      await work();
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      this.failure.set(error);
      onError?.(error);
    } finally {
      this.busy.set(false);
    }
  }
}
