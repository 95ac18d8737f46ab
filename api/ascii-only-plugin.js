const { Compilation, sources } = require('webpack');

/**
 * Escapes every non-ASCII character of the emitted JavaScript as \uXXXX. V8 keeps the source of
 * the bundle in the heap for as long as the process runs, and one character outside Latin-1
 * (an arrow or a curly quote in a message) makes it a two-byte string: twice the memory for all
 * ~1.9 MB of it. An escape means the same character in a string, template or regular expression
 * literal, and nothing in a comment. Runs after the source maps are made (the columns of the few
 * lines with such characters shift a little).
 */
class AsciiOnlyPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('AsciiOnlyPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'AsciiOnlyPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!name.endsWith('.js')) continue;
            const text = assets[name].source().toString();
            // eslint-disable-next-line no-control-regex
            if (!/[^\x00-\x7f]/.test(text)) continue;
            const escaped = text.replace(
              // eslint-disable-next-line no-control-regex
              /[^\x00-\x7f]/g,
              (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
            );
            compilation.updateAsset(name, new sources.RawSource(escaped));
          }
        },
      );
    });
  }
}

module.exports = { AsciiOnlyPlugin };
