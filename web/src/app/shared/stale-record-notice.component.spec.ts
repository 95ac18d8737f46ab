import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideIcons } from './icons';
import { StaleRecordNoticeComponent } from './stale-record-notice.component';

describe('StaleRecordNoticeComponent', () => {
  let fixture: ComponentFixture<StaleRecordNoticeComponent>;
  let reloads: number;

  async function render(inputs: Record<string, unknown> = {}): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideIcons()] });
    fixture = TestBed.createComponent(StaleRecordNoticeComponent);
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    reloads = 0;
    fixture.componentInstance.reload.subscribe(() => reloads++);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }
  const button = (el: HTMLElement) => el.querySelector('button') as HTMLButtonElement;

  it('is an alert that names what changed and what to do', async () => {
    const el = await render({ record: 'initiative' });
    const alert = el.querySelector('[role="alert"]');

    expect(alert?.textContent).toContain('Someone else changed this initiative');
    expect(alert?.textContent).toContain('Your changes are not saved yet.');
    expect(button(el).textContent?.trim()).toBe('Reload');
  });

  it('says "record" when not told what changed', async () => {
    const el = await render();

    expect(el.textContent).toContain('Someone else changed this record');
  });

  it("adds the server's explanation when there is one", async () => {
    const el = await render({ detail: 'Version 4 is current; you sent version 3.' });

    expect(el.textContent).toContain('Version 4 is current; you sent version 3.');
  });

  it('emits reload when the Reload button is pressed', async () => {
    const el = await render();
    button(el).click();

    expect(reloads).toBe(1);
  });

  it('cannot be pressed again while reloading', async () => {
    const el = await render({ reloading: true });
    button(el).click();

    expect(button(el).disabled).toBe(true);
    expect(button(el).textContent?.trim()).toBe('Reloading…');
    expect(reloads).toBe(0);
  });
});
