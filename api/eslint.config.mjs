import baseConfig from '../eslint.config.mjs';
import deepFeatureImports from './eslint-rules/no-deep-feature-imports.cjs';

export default [
  ...baseConfig,
  {
    // A feature folder is used by other features only through its index.ts (ARCHITECTURE:
    // module boundaries); api/src/app/architecture.spec.ts checks the same, and for cycles.
    files: ['src/app/**/*.ts'],
    plugins: { waypoint: { rules: { 'no-deep-feature-imports': deepFeatureImports.rule } } },
    rules: { 'waypoint/no-deep-feature-imports': 'error' },
  },
];
