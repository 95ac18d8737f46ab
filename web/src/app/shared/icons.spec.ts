import { TestBed } from '@angular/core/testing';
import { MatIconRegistry } from '@angular/material/icon';
import { firstValueFrom } from 'rxjs';
import { ICON_NAMES, iconSvg, provideIcons } from './icons';

describe('icons', () => {
  it('builds a 24px, currentColor SVG for every icon', () => {
    for (const name of ICON_NAMES) {
      const svg = new DOMParser().parseFromString(iconSvg(name), 'image/svg+xml').documentElement;

      expect(svg.getAttribute('viewBox')).toBe('0 0 24 24');
      expect(svg.getAttribute('fill')).toBe('currentColor');
      expect(svg.querySelector('path')?.getAttribute('d')).toMatch(/^M[\d.\s,-]/);
    }
  });

  it('registers every icon with MatIconRegistry without any HTTP request', async () => {
    TestBed.configureTestingModule({ providers: [provideIcons()] });
    const registry = TestBed.inject(MatIconRegistry);

    for (const name of ICON_NAMES) {
      const svg = await firstValueFrom(registry.getNamedSvgIcon(name));
      expect(svg.querySelector('path')).not.toBeNull();
    }
  });
});
