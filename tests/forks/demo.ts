// The repository docs/forks.md and the README show: a widget project relicensed from MPL-2.0 to
// BUSL-1.1, and a community fork from before the change that later cherry-picked a BUSL-era
// commit. Fixed authors and dates make every sha the same on every run.
import { buslText, createRepo, licenceText, type TestRepo } from './git.js';

export function widgetRepository(): TestRepo {
  const repo = createRepo();
  repo.commit({ LICENSE: licenceText('MPL-2.0'), 'package.json': '{ "name": "widget", "license": "MPL-2.0" }\n', 'src/widget.js': '// SPDX-License-Identifier: MPL-2.0\nexport const widget = 1;\n' }, 'Widget, under the MPL', { date: '2021-01-05T10:00:00Z', author: 'Ada Lovelace <ada@example.org>' });
  const lastMpl = repo.commit({ 'src/widget.js': '// SPDX-License-Identifier: MPL-2.0\nexport const widget = 2;\n' }, 'Widget 2', { date: '2023-08-09T10:00:00Z', author: 'Ada Lovelace <ada@example.org>' });
  repo.commit({ LICENSE: buslText('2027-08-10', 'MPL 2.0', 'Widget Corp.', 'Widget 3.0. The Licensed Work is (c) 2023 Widget Corp.'), 'package.json': '{ "name": "widget", "license": "BUSL-1.1" }\n' }, 'Move to the BUSL', { date: '2023-08-10T10:00:00Z', author: 'Widget Corp <legal@widget.example>' });
  const feature = repo.commit({ 'src/cache.js': 'export const cache = new Map();\n' }, 'A cache', { date: '2023-09-01T10:00:00Z', author: 'Widget Corp <dev@widget.example>' });
  repo.git('checkout', '-q', '-b', 'community', lastMpl);
  repo.commit({ 'src/community.js': 'export const community = true;\n' }, 'Community fork', { date: '2023-09-05T10:00:00Z', author: 'Grace Hopper <grace@example.org>' });
  repo.pick(feature, { author: 'Grace Hopper <grace@example.org>', date: '2023-09-06T10:00:00Z' });
  repo.git('checkout', '-q', 'main');
  return repo;
}
