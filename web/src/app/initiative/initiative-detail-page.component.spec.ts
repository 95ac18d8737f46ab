import { teamByDepartment } from './initiative-detail-page.component';

describe('teamByDepartment', () => {
  it('groups the team by department, people without one last-named group', () => {
    expect(
      teamByDepartment([
        { user: { id: '1', displayName: 'Lee' }, department: { id: 'd1', name: 'Service' } },
        { user: { id: '2', displayName: 'Sam' }, department: null },
        { user: { id: '3', displayName: 'Mika' }, department: { id: 'd1', name: 'Service' } },
        { user: { id: '4', displayName: 'Ana' }, department: { id: 'd2', name: 'IT' } },
      ]),
    ).toEqual([
      { department: 'IT', people: ['Ana'] },
      { department: 'No department', people: ['Sam'] },
      { department: 'Service', people: ['Lee', 'Mika'] },
    ]);
    expect(teamByDepartment([])).toEqual([]);
  });
});
