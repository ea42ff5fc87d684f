#!/usr/bin/env node
// The `motescheck` bin: runs the TypeScript CLI through tsx, so no build step is needed.
require('tsx/cjs');
require('../src/cli/main.ts');
