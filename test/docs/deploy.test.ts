// The deploy guide's configuration table and the config module name the same settings, so neither
// can change without the other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_SETTINGS } from '../../src/server/config';

const guide = readFileSync(join(__dirname, '../../docs/deploy.md'), 'utf8');
const section = guide.slice(guide.indexOf('## 6. Configuration'), guide.indexOf('Build settings'));
const documented = [...section.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]);

describe('docs/deploy.md', () => {
  it('documents every setting the server reads', () => {
    expect(CONFIG_SETTINGS.filter((s) => !documented.includes(s))).toEqual([]);
  });
  it('documents no setting the server does not read', () => {
    expect(documented.filter((s) => !CONFIG_SETTINGS.includes(s!))).toEqual([]);
  });
});
