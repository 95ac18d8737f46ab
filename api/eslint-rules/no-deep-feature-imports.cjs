// @ts-check
'use strict';
const path = require('node:path');

/**
 * A feature folder of api/src/app is used by other features only through its index.ts:
 * `../gates` is fine, `../gates/gates.module` (or `../../gates/dto/...`) is refused. Imports
 * inside one feature, and of packages, are not this rule's business.
 *
 * @param {string} appRoot absolute path of api/src/app
 * @param {string} fromFile absolute path of the importing file
 * @param {string} source the import's module specifier
 * @returns {string | null} the feature imported deeply, or null when the import is fine
 */
function deepFeatureImport(appRoot, fromFile, source) {
  if (!source.startsWith('.')) return null;
  const from = path.relative(appRoot, fromFile).split(path.sep);
  const target = path
    .relative(appRoot, path.resolve(path.dirname(fromFile), source))
    .split(path.sep);
  if (from[0] === '..' || target[0] === '..' || target[0] === '') return null;
  const ownFeature = from.length > 1 ? from[0] : null;
  if (target[0] === ownFeature) return null;
  return target.length > 1 ? target[0] : null;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: "import another feature only from its index.ts (e.g. '../gates')" },
    schema: [],
    messages: {
      deep: "'{{source}}' reaches inside the {{feature}} feature: import it from its index ('{{index}}').",
    },
  },
  create(context) {
    const filename = context.filename;
    const marker = `${path.sep}src${path.sep}app${path.sep}`;
    const at = filename.lastIndexOf(marker);
    if (at === -1) return {};
    const appRoot = filename.slice(0, at + marker.length - 1);
    /** @param {import('estree').Node & { source?: import('estree').Literal | null }} node */
    const check = (node) => {
      const source =
        node.source && typeof node.source.value === 'string' ? node.source.value : null;
      if (source === null) return;
      const feature = deepFeatureImport(appRoot, filename, source);
      if (feature === null) return;
      const index = path
        .relative(path.dirname(filename), path.join(appRoot, feature))
        .split(path.sep)
        .join('/');
      context.report({
        node,
        messageId: 'deep',
        data: { source, feature, index: index.startsWith('.') ? index : `./${index}` },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

module.exports = { rule, deepFeatureImport };
