import { QueryFailedError } from 'typeorm';
import { isForeignKeyViolation, isUniqueViolation } from './database-errors';

/** What TypeORM throws for a statement PostgreSQL refused: pg's error as driverError. */
const refused = (code: string, constraint?: string) =>
  new QueryFailedError('INSERT ...', [], Object.assign(new Error('refused'), { code, constraint }));

describe('database errors', () => {
  it('tells a unique violation, on any constraint or on the one named', () => {
    expect(isUniqueViolation(refused('23505', 'users_email_key'))).toBe(true);
    expect(isUniqueViolation(refused('23505', 'users_email_key'), 'users_email_key')).toBe(true);
    expect(isUniqueViolation(refused('23505', 'users_email_key'), 'other_key')).toBe(false);
    expect(isUniqueViolation(refused('23503', 'users_email_key'))).toBe(false);
  });

  it('tells a foreign key violation, on any constraint or on the one named', () => {
    const error = refused('23503', 'readings_measure_id_fkey');
    expect(isForeignKeyViolation(error)).toBe(true);
    expect(isForeignKeyViolation(error, 'readings_measure_id_fkey')).toBe(true);
    expect(isForeignKeyViolation(error, 'readings_recorded_by_fkey')).toBe(false);
    expect(isForeignKeyViolation(refused('23505', 'readings_measure_id_fkey'))).toBe(false);
  });

  it('answers false for anything but a refused statement', () => {
    const plain = Object.assign(new Error('not from TypeORM'), { code: '23503' });
    expect(isForeignKeyViolation(plain)).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
