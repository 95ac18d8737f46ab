import { Module } from 'node:module';

/*
 * V8 keeps the source of every module for the life of the process: as a one-byte string when all
 * its characters are Latin-1, as a two-byte string otherwise. One dash or curly quote in a
 * comment doubles it, and ~2 MB of the sources the API loads at start were two-byte for that
 * (lodash's 533 kB for one dash, TypeORM's query builders, pg's client...). V8 sizes the old
 * generation by the live heap, so each MB at rest costs about four at peak.
 *
 * So a dependency's source is compiled with each character beyond Latin-1 written as its \uXXXX
 * escape, as the bundle is (ascii-only-plugin.js): in a string, template or regular expression
 * literal the escape means the same character, in a comment it is text. (It would not in a
 * String.raw template or an identifier; the ~30 sources concerned have none: all their
 * characters beyond Latin-1 are in comments and messages.) The bundle itself is ASCII already,
 * and files outside node_modules are left alone.
 *
 * How: Node's loader hands a module's text to `Module.prototype._compile`, which is what require
 * hooks (ts-node, @swc-node/register, pirates) wrap; this wraps it once for every module (not on
 * each module object: a property deleted afterwards would leave ~2,000 of them in slow
 * dictionary mode, 1.4 MB). Imported first by main.ts and cli.ts.
 */

const prototype = Module.prototype as unknown as {
  _compile(this: unknown, content: string, filename: string, ...rest: unknown[]): unknown;
};
const compile = prototype._compile;
prototype._compile = function (this: unknown, content, filename, ...rest) {
  return compile.call(
    this,
    /[\\/]node_modules[\\/]/.test(filename) ? oneByte(content) : content,
    filename,
    ...rest,
  );
};

/** The text with every character beyond Latin-1 escaped, as a one-byte string. */
export function oneByte(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\xff]/.test(text)) return text;
  const escaped = text.replace(
    // eslint-disable-next-line no-control-regex
    /[^\x00-\xff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  // The replacement is built two-byte like its input: a Latin-1 round trip makes it one-byte.
  return Buffer.from(escaped, 'latin1').toString('latin1');
}
