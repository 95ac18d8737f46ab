import { checkValueRows } from '../../src/app/value/value-check';
import { sqlOf } from '../factories/domain';
import type { TestApp } from './test-app';

/**
 * `npm run value:check` on the test's database: the stored value rows are exactly what libs/domain
 * computes from every reading. Run after a spec's scenarios (useTestApp's `valueCheck`).
 */
export async function expectStoredValueTrue(t: Pick<TestApp, 'sql'>): Promise<void> {
  expect(await checkValueRows(sqlOf(t.sql))).toEqual([]);
}
