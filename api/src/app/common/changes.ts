import { BadRequestException } from '@nestjs/common';

/** The fields a PATCH sets (those present); 400 when it sets none. */
export function requireChanges<T extends object>(request: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const [key, value] of Object.entries(request) as [keyof T, T[keyof T]][]) {
    if (value !== undefined) changes[key] = value;
  }
  if (Object.keys(changes).length === 0) {
    throw new BadRequestException('Send at least one field to change.');
  }
  return changes;
}
