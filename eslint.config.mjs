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

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  domainBoundary,
);
