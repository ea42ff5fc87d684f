// The import boundary of the pure core is enforced here, not by convention (see test/lint/boundary.test.ts).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export const policyCoreBoundary = {
  files: ['src/policy/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['../*', '!../policy', '!../policy/*'], message: 'src/policy is the pure core: it may import nothing from the rest of src.' },
        { group: ['**/server/**', '**/web/**', '**/cards/**', '**/cli/**', '**/server', '**/web', '**/cards', '**/cli'], message: 'src/policy is the pure core: it may import nothing from the rest of src.' },
        { group: ['react', 'react-*', 'react/*', '@fluentui/*', '@microsoft/*', '@azure/*', 'office-*', 'adaptivecards*', 'pg', 'pg-*', '@electric-sql/*', 'kysely*', 'fastify', '@fastify/*', 'jose', 'node:*', 'fs', 'path', 'http', 'https', 'crypto', 'os', 'child_process', 'net'], message: 'src/policy is the pure core: no UI, host, server, database or IO package.' },
      ],
    }],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.data/', 'test/lint/fixtures/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  policyCoreBoundary,
);
