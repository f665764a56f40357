// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The domain is pure: no framework, no drivers, no infrastructure (docs/ARCHITECTURE.md). */
export const domainBoundary = {
  files: ['libs/domain/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [
              '@nestjs/*',
              '@expediente/infra',
              '@expediente/infra/*',
              '**/libs/infra/**',
              '**/apps/**',
            ],
            message: 'libs/domain must not depend on Nest, infrastructure or apps.',
          },
          {
            group: [
              'pg',
              '@electric-sql/*',
              '@eventstore/*',
              'mongodb',
              'bullmq',
              'ioredis',
              'puppeteer',
              'puppeteer-core',
              'handlebars',
              'express',
              'jose',
            ],
            message: 'libs/domain must not import drivers or I/O libraries.',
          },
          {
            group: [
              'fs',
              'node:fs',
              'fs/*',
              'node:fs/*',
              'http',
              'node:http',
              'net',
              'node:net',
              'child_process',
              'node:child_process',
            ],
            message: 'libs/domain does no I/O.',
          },
        ],
      },
    ],
  },
};

/**
 * Types reach across the domain's edge: a typed command is built, never cast into shape
 * (`as never` and `as unknown as` hide the mismatch the compiler would have caught).
 */
export const noTypeErasure = {
  files: ['apps/**/*.ts', 'libs/**/*.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: 'TSAsExpression > TSNeverKeyword.typeAnnotation',
        message: 'No `as never`: build the typed command or event instead.',
      },
      {
        selector:
          "TSAsExpression[expression.type='TSAsExpression'][expression.typeAnnotation.type='TSUnknownKeyword']",
        message: 'No `as unknown as`: build the typed value instead.',
      },
    ],
  },
};

/** The apps know ports; which adapter serves a port is decided in libs/infra (storage, providers, modules). */
export const appsUsePorts = {
  files: ['apps/**/*.ts'],
  ignores: ['apps/**/*.spec.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex:
              '^@expediente/infra/.*\\.(sql|postgres|pglite|mongodb|eventstoredb|local|pool|puppeteer|redis)$',
            message:
              'apps import ports, never concrete adapters: inject the port and wire the adapter in libs/infra.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'data/**',
      'coverage/**',
      'libs/infra/src/api-client/expediente-api.ts',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  domainBoundary,
  noTypeErasure,
  appsUsePorts,
);
