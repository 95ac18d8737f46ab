import { APPROACH_VALUES, TEMPLATE_ID_VALUES } from '@waypoint/contracts';
import { scaleProblems } from '@waypoint/domain';
import { INITIATIVE_TEMPLATES } from './templates.data';
import { TemplatesService } from './templates.service';

describe('initiative templates', () => {
  it('has exactly one template per declared id, in the declared order', () => {
    expect(INITIATIVE_TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_ID_VALUES]);
  });

  it('has one template per road of seed 001, with that road as its approach', () => {
    for (const road of APPROACH_VALUES) {
      expect(INITIATIVE_TEMPLATES.find((t) => t.id === road)?.approach).toBe(road);
    }
  });

  it('follows DMAIC and folds A3 into about five gates', () => {
    const dmaic = INITIATIVE_TEMPLATES.find((t) => t.id === 'dmaic');
    expect(dmaic?.milestones.map((m) => m.title)).toEqual([
      'Define',
      'Measure',
      'Analyse',
      'Improve',
      'Control',
    ]);
    const a3 = INITIATIVE_TEMPLATES.find((t) => t.id === 'a3');
    expect(a3?.milestones).toHaveLength(5);
    const a3Text = a3?.milestones.map((m) => m.title.toLowerCase()).join(' | ') ?? '';
    for (const box of ['background', 'current condition', 'goal', 'root cause']) {
      expect(a3Text).toContain(box);
    }
    for (const box of ['countermeasures', 'plan', 'follow-up']) expect(a3Text).toContain(box);
  });

  it('has the RFM segmentation gate on the best-customer road', () => {
    const best = INITIATIVE_TEMPLATES.find((t) => t.id === 'best_customer');
    expect(best?.milestones.some((m) => /RFM/.test(m.title))).toBe(true);
  });

  it('pairs a customer measure with a business counter-measure on the competing-values road', () => {
    const road = INITIATIVE_TEMPLATES.find((t) => t.id === 'competing_values');
    const guards = road?.measures.filter((m) => m.counterMeasureOf !== undefined) ?? [];
    expect(guards.length).toBeGreaterThan(0);
  });

  it.each(INITIATIVE_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s is complete and consistent',
    (_id, template) => {
      expect(template.name.trim()).not.toBe('');
      expect(template.description.trim()).not.toBe('');
      expect(template.milestones.length).toBeGreaterThanOrEqual(3);
      expect(template.milestones.length).toBeLessThanOrEqual(7);
      for (const milestone of template.milestones) {
        expect(milestone.title.length).toBeLessThanOrEqual(200);
        expect(milestone.goal.trim()).not.toBe('');
        expect(milestone.criteria.length).toBeGreaterThan(0);
      }
      const names = template.measures.map((m) => m.name);
      expect(new Set(names).size).toBe(names.length);
      expect(template.measures.some((m) => m.perspective === 'customer')).toBe(true);
      expect(template.measures.some((m) => m.perspective === 'business')).toBe(true);
      for (const measure of template.measures) {
        // A template always proposes a baseline (only the manager may choose to wait for one).
        expect(measure.baseline).not.toBeNull();
        expect(scaleProblems(measure)).toEqual([]);
        expect(measure.baseline).not.toBe(measure.target);
        if (measure.counterMeasureOf !== undefined) {
          // A counter-measure is a business measure guarding a customer measure of the template.
          expect(measure.perspective).toBe('business');
          const guarded = template.measures.find((m) => m.name === measure.counterMeasureOf);
          expect(guarded?.perspective).toBe('customer');
        }
      }
    },
  );
});

describe('TemplatesService', () => {
  const service = new TemplatesService();

  it('pages and filters by approach', () => {
    const all = service.list({}, { limit: 2, offset: 1 });
    expect(all.total).toBe(TEMPLATE_ID_VALUES.length);
    expect(all.items.map((t) => t.id)).toEqual(['a3', 'engineering']);
    const engineering = service.list({ approach: 'engineering' }, { limit: 50, offset: 0 });
    expect(engineering.items.map((t) => t.id)).toEqual(['dmaic', 'a3', 'engineering']);
  });

  it('finds a template by id', () => {
    expect(service.find('competing_values').approach).toBe('competing_values');
  });
});
