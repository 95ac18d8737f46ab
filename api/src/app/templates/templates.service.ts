import { Injectable } from '@nestjs/common';
import type { Approach, InitiativeTemplate, Page, TemplateId } from '@waypoint/contracts';
import { pageOf, type PageRequest } from '../common';
import { INITIATIVE_TEMPLATES } from './templates.data';

/** The initiative templates: data in code, the same for every installation. */
@Injectable()
export class TemplatesService {
  list(filter: { approach?: Approach }, page: PageRequest): Page<InitiativeTemplate> {
    const matching = INITIATIVE_TEMPLATES.filter(
      (template) => filter.approach === undefined || template.approach === filter.approach,
    );
    return pageOf(matching.slice(page.offset, page.offset + page.limit), matching.length, page);
  }

  /** The template of this id (ids are validated against TEMPLATE_ID_VALUES before). */
  find(id: TemplateId): InitiativeTemplate {
    const template = INITIATIVE_TEMPLATES.find((candidate) => candidate.id === id);
    if (!template) throw new Error(`template ${id} is declared but has no data`);
    return template;
  }
}
