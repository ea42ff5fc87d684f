// The import boundary of the pure core, shared by eslint.config.mjs and its test
// (test/lint/boundary.test.ts), so the rule that is tested is the rule that runs.
const outsideCore = 'src/policy is the pure core: it may import nothing from the rest of src.';
const noIoPackages = 'src/policy is the pure core: no UI, host, server, database or IO package.';

module.exports = {
  files: ['src/policy/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['../*', '!../policy', '!../policy/*'], message: outsideCore },
        { group: ['**/server', '**/server/**', '**/web', '**/web/**', '**/cards', '**/cards/**', '**/cli', '**/cli/**', '**/api', '**/api/**'], message: outsideCore },
        {
          group: [
            'react', 'react-*', 'react/*', '@fluentui/*', '@microsoft/*', '@azure/*', 'office-*', 'adaptivecards*',
            'pg', 'pg-*', '@electric-sql/*', 'kysely*', 'fastify', '@fastify/*', 'jose', 'msw', 'msw/*',
            'node:*', 'fs', 'fs/*', 'path', 'http', 'https', 'crypto', 'os', 'child_process', 'net', 'worker_threads',
          ],
          message: noIoPackages,
        },
      ],
    }],
  },
};
