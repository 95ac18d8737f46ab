/** The checks of the contract fuzzer, and small helpers of its requests and report. */
import { type Contract, type Operation, PROBLEM_TYPE } from './contract';

export interface OperationResult {
  key: string;
  cases: number;
  statuses: Map<number, number>;
  findings: string[];
}

/** The contract checks of one answer: a description of what is wrong, or null. */
export function checkAnswer(
  contract: Contract,
  op: Operation,
  res: Response,
  text: string,
): string | null {
  const status = res.status;
  const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (status >= 500) return `${status}: ${text.slice(0, 200)}`;
  const documented = op.answers.get(status);
  if (status >= 400) {
    if (type !== PROBLEM_TYPE) return `${status} with content type "${type}", not problem+json`;
    const parsed = parse(text);
    if (!contract.validateProblem(parsed)) {
      return `${status} body is not problem details: ${text.slice(0, 200)}`;
    }
    if ((parsed as { status?: unknown }).status !== status) return `${status} with other status`;
    if (!documented) return `undocumented status ${status}: ${text.slice(0, 160)}`;
    if (!documented.mediaTypes.includes(PROBLEM_TYPE)) {
      return `${status} documented as ${documented.mediaTypes.join(', ') || 'no body'}`;
    }
    return null;
  }
  if (!documented) return `undocumented status ${status}`;
  if (documented.mediaTypes.length === 0) {
    return text.length === 0 ? null : `${status} has a body but none is documented`;
  }
  if (!documented.mediaTypes.includes(type)) {
    return `${status} content type "${type}" not in ${documented.mediaTypes.join(', ')}`;
  }
  if (documented.validate && type.includes('json')) {
    const body = parse(text);
    if (!documented.validate(body)) {
      const error = documented.validate.errors?.[0];
      return `${status} body does not match its schema: ${error?.instancePath ?? ''} ${error?.message ?? ''}`;
    }
  }
  return null;
}

/** encodeURIComponent, except that a lone surrogate is sent as the invalid UTF-8 it would be. */
export function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((ch) => {
        try {
          return encodeURIComponent(ch);
        } catch {
          return '%ED%A0%80';
        }
      })
      .join('');
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function summaryLine(r: OperationResult): string {
  const statuses = [...r.statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  return `${r.findings.length === 0 ? 'ok  ' : 'FAIL'} ${r.key.padEnd(52)} cases=${r.cases} ${statuses}${
    r.findings.length ? ` findings=${r.findings.length}` : ''
  }`;
}
