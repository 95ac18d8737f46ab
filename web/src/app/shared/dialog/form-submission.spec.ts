import { HttpErrorResponse } from '@angular/common/http';
import { FormSubmission } from './form-submission';

const fieldProblem = new HttpErrorResponse({
  status: 400,
  error: {
    status: 400,
    title: 'Bad Request',
    errors: { reason: ['Write a reason.'] },
  },
});
const serverDown = new HttpErrorResponse({ status: 503, error: null });

describe('FormSubmission', () => {
  it('is busy while the work runs and clears the last error when it starts', async () => {
    const submission = new FormSubmission(['reason']);
    await submission.run(() => Promise.reject(serverDown));
    expect(submission.message()).not.toBeNull();
    let busyDuring = false;
    let messageDuring: string | null = 'unset';
    await submission.run(() => {
      busyDuring = submission.busy();
      messageDuring = submission.message();
      return Promise.resolve();
    });
    expect(busyDuring).toBe(true);
    expect(messageDuring).toBeNull();
    expect(submission.busy()).toBe(false);
    expect(submission.message()).toBeNull();
  });

  it('tells a field its own errors, and says nothing more for the form by default', async () => {
    const onError = jest.fn();
    const submission = new FormSubmission(['reason']);
    await submission.run(() => Promise.reject(fieldProblem), onError);
    expect(submission.fieldErrors('reason')).toEqual(['Write a reason.']);
    expect(submission.fieldErrors('note')).toEqual([]);
    expect(submission.message()).toBeNull();
    expect(onError).toHaveBeenCalledWith(fieldProblem);
    expect(submission.busy()).toBe(false);
  });

  it('says what the form asks for when fields have errors', async () => {
    const submission = new FormSubmission(['reason'], 'Check the fields marked.');
    await submission.run(() => Promise.reject(fieldProblem));
    expect(submission.message()).toBe('Check the fields marked.');
  });

  it('says what went wrong when no field is to blame', async () => {
    const submission = new FormSubmission(['reason'], 'Check the fields marked.');
    await submission.run(() => Promise.reject(serverDown));
    expect(submission.message()).toBe('Something went wrong (error 503). Try again.');
  });

  it('throws what is not an HTTP error, and is not busy after', async () => {
    const submission = new FormSubmission([]);
    await expect(submission.run(() => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
    expect(submission.busy()).toBe(false);
    expect(submission.message()).toBeNull();
  });
});
