/** The ETag of a record as the API sends it: the version in quotes. */
export function etag(version: number): string {
  return `"${version}"`;
}
