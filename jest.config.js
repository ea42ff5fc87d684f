// One jest run for unit, integration and browser suites; swc strips types (tsc checks them in `npm run typecheck`).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.((t|j)sx?|cjs|mjs)$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // ESM-only packages are compiled to CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(jose|canonicalize|@noble|content-disposition|cookie|@electric-sql|rettime|@open-draft|@mswjs|until-async|strict-event-emitter|outvariant|headers-polyfill|is-node-process)/)'],
  // adaptivecards' package entry needs a DOM bundler setup; its UMD bundle works under jest.
  moduleNameMapper: { '^adaptivecards$': 'adaptivecards/dist/adaptivecards.js' },
  testTimeout: 30000,
  // Two workers on CI's two cores: the browser and database suites wait on IO more than they compute.
  maxWorkers: 2,
  // Some server suites leave a PGlite handle that --detectOpenHandles does not find, and jest would then
  // wait forever after the last test; every suite closes what it opened, so exiting is safe.
  forceExit: true,
};
