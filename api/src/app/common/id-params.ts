import { UuidRef } from './validators';

/** `:id` of a single-resource route: a UUID, else 400 with `errors.id`. */
export class IdParams {
  @UuidRef()
  id!: string;
}
