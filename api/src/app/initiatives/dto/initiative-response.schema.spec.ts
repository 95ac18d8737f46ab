import 'reflect-metadata';
import {
  InitiativeListItemDto,
  InitiativeResponseDto,
  UserRefDto,
} from './initiative-response.dto';
import { INITIATIVE_LIST_ITEM_SCHEMA, INITIATIVE_SCHEMA } from './initiative-response.schema';

/** The OpenAPI properties of a DTO class, in declaration order (as @nestjs/swagger keeps them). */
function openApiProperties(dto: abstract new () => unknown): string[] {
  const names = Reflect.getMetadata('swagger/apiModelPropertiesArray', dto.prototype) as
    | string[]
    | undefined;
  return (names ?? []).map((name) => name.replace(/^:/, ''));
}

describe('the response schemas the initiative reads are serialised with', () => {
  it('list the OpenAPI fields of a list item, in the same order', () => {
    expect(Object.keys(INITIATIVE_LIST_ITEM_SCHEMA.properties)).toEqual(
      openApiProperties(InitiativeListItemDto),
    );
  });

  it('list the OpenAPI fields of the detail, in the same order', () => {
    expect(Object.keys(INITIATIVE_SCHEMA.properties)).toEqual(
      openApiProperties(InitiativeResponseDto),
    );
    expect(Object.keys(INITIATIVE_SCHEMA.properties.owner.properties)).toEqual(
      openApiProperties(UserRefDto),
    );
  });

  it('require every field, so a missing one fails loudly instead of vanishing', () => {
    expect(INITIATIVE_SCHEMA.required).toEqual(Object.keys(INITIATIVE_SCHEMA.properties));
    expect(INITIATIVE_LIST_ITEM_SCHEMA.required).toEqual(
      Object.keys(INITIATIVE_LIST_ITEM_SCHEMA.properties),
    );
  });
});
