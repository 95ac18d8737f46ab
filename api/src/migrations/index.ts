import { Foundation1764000000000 } from './1764000000000-Foundation';

/** Every migration, in order. The bundle cannot glob files, so each one is listed here. */
export const migrations = [Foundation1764000000000];
