import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type {
  InitiativeResponse,
  InitiativeStatus,
  InitiativeTransitionRequest,
  Role,
} from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { InitiativesApi } from '../shared/api';
import { StatusActionsComponent, statusActions } from './status-actions.component';

const OWNER = { id: 'owner', role: 'manager' as Role };
const SPONSOR = { id: 'sponsor', role: 'executive' as Role };
const ADMIN = { id: 'admin', role: 'admin' as Role };
const TEAM = { id: 'team', role: 'member' as Role };

function anInitiative(status: InitiativeStatus): InitiativeResponse {
  return {
    id: 'i1',
    status,
    owner: { id: OWNER.id, displayName: 'Olivia Owner' },
    sponsor: { id: SPONSOR.id, displayName: 'Sam Sponsor' },
    version: 3,
  } as InitiativeResponse;
}

const moves = (status: InitiativeStatus, user: { id: string; role: Role } | null): string[] =>
  statusActions(anInitiative(status), user).map((a) => `${a.to}:${a.label}`);

describe('statusActions (the lifecycle of libs/domain)', () => {
  it.each<[InitiativeStatus, { id: string; role: Role }, string[]]>([
    ['draft', OWNER, ['proposed:Propose to the sponsor', 'stopped:Stop']],
    // Only the owner proposes; the sponsor may still drop a draft.
    ['draft', SPONSOR, ['stopped:Stop']],
    [
      'proposed',
      SPONSOR,
      ['active:Accept and start', 'draft:Send back for rework', 'stopped:Stop'],
    ],
    // Only the sponsor accepts; the owner may take the proposal back.
    ['proposed', OWNER, ['draft:Send back for rework', 'stopped:Stop']],
    ['active', OWNER, ['on_hold:Put on hold', 'completed:Complete', 'stopped:Stop']],
    ['active', SPONSOR, ['on_hold:Put on hold', 'completed:Complete', 'stopped:Stop']],
    ['on_hold', SPONSOR, ['active:Resume', 'stopped:Stop']],
    ['completed', ADMIN, []],
    ['stopped', OWNER, []],
  ])('%s, for %j', (status, user, expected) => {
    expect(moves(status, user)).toEqual(expected);
  });

  it('lets an admin make every move of the lifecycle, the forward one first', () => {
    expect(moves('draft', ADMIN)).toEqual(['proposed:Propose to the sponsor', 'stopped:Stop']);
    expect(moves('proposed', ADMIN)).toEqual([
      'active:Accept and start',
      'draft:Send back for rework',
      'stopped:Stop',
    ]);
  });

  it('offers nothing to someone who is neither owner, sponsor nor admin, nor when signed out', () => {
    expect(moves('active', TEAM)).toEqual([]);
    expect(moves('draft', { id: 'other', role: 'executive' })).toEqual([]);
    expect(moves('draft', null)).toEqual([]);
  });
});

describe('StatusActionsComponent', () => {
  const sent: InitiativeTransitionRequest[] = [];

  function render(status: InitiativeStatus): HTMLElement {
    sent.length = 0;
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        { provide: AuthStore, useValue: { user: () => OWNER } },
        {
          provide: InitiativesApi,
          useValue: {
            transition: (_: InitiativeResponse, request: InitiativeTransitionRequest) => {
              sent.push(request);
              return Promise.resolve(anInitiative(request.to));
            },
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(StatusActionsComponent);
    fixture.componentRef.setInput('initiative', anInitiative(status));
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const button = (host: HTMLElement, text: string): HTMLButtonElement => {
    const found = Array.from(host.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === text,
    );
    if (!found) throw new Error(`no button "${text}"`);
    return found;
  };

  const settle = async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };

  it('asks before stopping and sends the note with the move', async () => {
    const host = render('active');
    button(host, 'Stop').click();
    await settle();
    expect(sent).toEqual([]);
    expect(host.textContent).toContain('A stopped initiative cannot be restarted.');
    const note = host.querySelector('textarea') as HTMLTextAreaElement;
    note.value = ' Funding moved to the new contact centre. ';
    note.dispatchEvent(new Event('input'));
    button(host, 'Stop the initiative').click();
    await settle();
    expect(sent).toEqual([{ to: 'stopped', note: 'Funding moved to the new contact centre.' }]);
  });

  it('sends nothing when the question is cancelled, and moves at once where nothing is final', async () => {
    const host = render('active');
    button(host, 'Complete').click();
    await settle();
    button(host, 'Cancel').click();
    await settle();
    expect(sent).toEqual([]);
    button(host, 'Put on hold').click();
    await settle();
    expect(sent).toEqual([{ to: 'on_hold' }]);
  });
});
