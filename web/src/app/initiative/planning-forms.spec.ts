import type { StepResponse, TeamMember } from '@waypoint/contracts';
import { historyText } from '../shared/vocabulary';
import { gateChanges, newGate } from './gate-editor.component';
import { stepRequest } from './step-editor.component';
import { departmentCount } from './team-panel.component';

describe('stepRequest', () => {
  const step = {
    assignee: { id: 'u1', displayName: 'Mika' },
    dueDate: '2027-01-10',
  } as StepResponse;
  it('sends a new step with what was filled in', () => {
    expect(stepRequest({ title: ' Call ', assigneeId: '', dueDate: '' }, null)).toEqual({
      title: 'Call',
    });
    expect(stepRequest({ title: 'Call', assigneeId: 'u1', dueDate: '2027-01-10' }, null)).toEqual({
      title: 'Call',
      assigneeId: 'u1',
      dueDate: '2027-01-10',
    });
  });
  it('sends the changes of an edited step; an emptied field clears it', () => {
    expect(stepRequest({ title: 'Call', assigneeId: 'u1', dueDate: '2027-01-10' }, step)).toEqual({
      title: 'Call',
    });
    expect(stepRequest({ title: 'Call', assigneeId: '', dueDate: '' }, step)).toEqual({
      title: 'Call',
      assigneeId: null,
      dueDate: null,
    });
  });
});

describe('gateChanges', () => {
  const gate = { title: 'Define', goal: 'Agree', dueDate: null };
  it('sends only what changed', () => {
    expect(gateChanges(gate, { title: 'Define', goal: 'Agree', dueDate: '' })).toEqual({});
    expect(gateChanges(gate, { title: ' Scope ', goal: 'Agree', dueDate: '2027-01-31' })).toEqual({
      title: 'Scope',
      dueDate: '2027-01-31',
    });
    expect(
      gateChanges({ ...gate, dueDate: '2027-01-31' }, { title: 'Define', goal: '', dueDate: '' }),
    ).toEqual({ goal: '', dueDate: null });
  });
});

describe('gate criteria', () => {
  const gate = {
    title: 'Define',
    goal: '',
    dueDate: null,
    criteria: [
      { id: 'c1', label: 'Problem agreed', checked: true },
      { id: 'c2', label: 'Team formed', checked: false },
    ],
  };
  const form = { title: 'Define', goal: '', dueDate: '' };
  it('keeps a kept label with its id and tick, adds new lines, drops removed ones', () => {
    expect(gateChanges(gate, { ...form, criteria: 'Problem agreed\nTeam formed\n' })).toEqual({});
    expect(gateChanges(gate, { ...form, criteria: ' Problem agreed \n\nScope signed' })).toEqual({
      criteria: [{ id: 'c1', label: 'Problem agreed', checked: true }, { label: 'Scope signed' }],
    });
  });
  it('makes a new gate from the form', () => {
    expect(
      newGate({ title: ' Pilot ', goal: 'Prove it', dueDate: '', criteria: 'Pilot run\nCompared' }),
    ).toEqual({
      title: 'Pilot',
      goal: 'Prove it',
      criteria: [{ label: 'Pilot run' }, { label: 'Compared' }],
      measureIds: [],
    });
  });
});

describe('departmentCount', () => {
  const member = (id: string, department: string | null): TeamMember => ({
    user: { id, displayName: id },
    department: department ? { id: department, name: department } : null,
  });
  it('counts the departments a team comes from', () => {
    expect(departmentCount([])).toBe(0);
    expect(departmentCount([member('a', 'ops'), member('b', 'ops')])).toBe(1);
    expect(departmentCount([member('a', 'ops'), member('b', 'mkt'), member('c', null)])).toBe(2);
  });
});

describe('historyText', () => {
  it.each([
    ['update', 'step', 'changed a step'],
    ['carry_over', 'step', 'carried a step over to the next gate'],
    ['return', 'step', 'sent a step back to its gate'],
    ['close', 'decision_condition', 'closed a condition'],
    ['freeze_baseline', 'measure', 'froze the baseline of a measure'],
    ['something_new', 'other_thing', 'something new other thing'],
  ])('%s %s: %s', (action, entity, text) => {
    expect(historyText(action, entity)).toBe(text);
  });
});
