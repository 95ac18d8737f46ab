import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { RequiredText, SingleLine } from './validators';

class Named {
  @RequiredText(100)
  @SingleLine()
  title!: string;
}

const problems = (title: string): string[] =>
  validateSync(plainToInstance(Named, { title })).flatMap((e) =>
    Object.values(e.constraints ?? {}),
  );

describe('SingleLine', () => {
  it.each([
    '\u202A',
    '\u202B',
    '\u202C',
    '\u202D',
    '\u202E',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
  ])('refuses the bidirectional control %j', (control) => {
    expect(problems(`Pay ${control}gnp.exe`)).toEqual([
      'title must not contain bidirectional control characters (U+202A-U+202E, U+2066-U+2069)',
    ]);
  });

  it('accepts right-to-left text without controls', () => {
    expect(problems('שלום Waypoint مرحبا')).toEqual([]);
  });
});

describe('single-line fields of the API', () => {
  it('refuses a bidirectional override in an initiative title', async () => {
    const { UpdateInitiativeDto } = await import('../initiatives/dto/initiative.dto');
    const errors = validateSync(
      plainToInstance(UpdateInitiativeDto, { title: 'Refund \u202Efdp.exe' }),
    );
    expect(errors.map((e) => e.property)).toEqual(['title']);
  });
});
