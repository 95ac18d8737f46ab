import nx from '@nx/eslint-plugin';
import baseConfig from '../eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'wp',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'wp',
          style: 'kebab-case',
        },
      ],
    },
  },
  {
    // One way to reach the API: only the client layer (src/app/shared/api) holds HttpClient and
    // spells API paths. The app's providers and the specs (which assert requested URLs) may too.
    files: ['**/*.ts'],
    ignores: [
      '**/src/app/shared/api/**',
      '**/src/app/app.config.ts',
      '**/*.spec.ts',
      '**/*.testing.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@angular/common/http',
              importNames: ['HttpClient'],
              message: 'Reach the API through the client layer (src/app/shared/api).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^\\/api(\\/|$)/]',
          message: 'API paths live in the client layer (src/app/shared/api).',
        },
        {
          selector: 'TemplateElement[value.raw=/^\\/api(\\/|$)/]',
          message: 'API paths live in the client layer (src/app/shared/api).',
        },
      ],
    },
  },
  {
    files: ['**/*.html'],
    // Override or add rules here
    rules: {},
  },
];
