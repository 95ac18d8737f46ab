import { etagMatches } from './reused-answer';

describe('If-None-Match against the ETag of a reused answer', () => {
  const etag = 'W/"abc-3.200"';

  it('matches the same tag, weak or strong, alone or in a list, and *', () => {
    expect(etagMatches('W/"abc-3.200"', etag)).toBe(true);
    expect(etagMatches('"abc-3.200"', etag)).toBe(true);
    expect(etagMatches('"x", W/"abc-3.200" ', etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
  });

  it('does not match another computation or variant, or no header', () => {
    expect(etagMatches('W/"abc-4.200"', etag)).toBe(false);
    expect(etagMatches('W/"abc-3.5"', etag)).toBe(false);
    expect(etagMatches('', etag)).toBe(false);
    expect(etagMatches(undefined, etag)).toBe(false);
  });
});
