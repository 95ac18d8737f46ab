import type { Role } from '@waypoint/contracts';
import { type Session, signIn } from './auth';
import type { TestApp } from './test-app';

/** Someone a spec signs in before its first test: a role, or a role with a recognisable name. */
export type Person = Role | { role: Role; displayName: string };

/** The people of a spec file by name, e.g. `{ admin: 'admin', owner: 'manager' }`. */
export type Roster = Readonly<Record<string, Person>>;

/** The roster's people, signed in: `t.people.owner.user.id`, `t.people.owner.headers`. */
export type SignedIn<R extends Roster> = { readonly [K in keyof R]: Session };

/**
 * Everyone a gate involves (milestone, gate, step and gate-notification specs). The initiatives
 * of these specs are owned by `owner`, sponsored by `sponsor`, with `member` on the team.
 */
export const GATE_PEOPLE = {
  /** A manager who owns the initiatives (and submits their gates). */
  owner: { role: 'manager', displayName: 'Olivia Owner' },
  /** A manager who sponsors them: decides through the sponsor relation, not by role. */
  sponsor: { role: 'manager', displayName: 'Sam Sponsor' },
  /** An executive unrelated to the initiatives: decides by role. */
  executive: { role: 'executive', displayName: 'Eve Executive' },
  /** A member on the team. */
  member: { role: 'member', displayName: 'Tim Team' },
  /** A member not on the team. */
  outsider: { role: 'member', displayName: 'Otto Outsider' },
  /** A manager unrelated to the initiatives. */
  manager: { role: 'manager', displayName: 'Mia Manager' },
  admin: { role: 'admin', displayName: 'Ada Admin' },
} as const satisfies Roster;

/**
 * The people around one initiative (measure, reading, review and portfolio specs): `owner` owns
 * it, `executive` sponsors it, `team` is on its team, `outsider` is not; `admin` and `manager`
 * oversee.
 */
export const INITIATIVE_PEOPLE = {
  admin: 'admin',
  executive: 'executive',
  manager: 'manager',
  owner: 'manager',
  team: 'member',
  outsider: 'member',
} as const satisfies Roster;

/** Signs the roster in, one after the other in its order (as users of their own). */
export async function signInPeople<R extends Roster>(t: TestApp, roster: R): Promise<SignedIn<R>> {
  const people: Partial<Record<keyof R, Session>> = {};
  for (const name of Object.keys(roster) as Array<keyof R>) {
    const person: Person = roster[name] as Person;
    people[name] =
      typeof person === 'string'
        ? await signIn(t, person)
        : await signIn(t, person.role, { displayName: person.displayName });
  }
  return people as SignedIn<R>;
}
