// Words beside licence notices that only describe the work (src/identify/notices.ts, `describes`):
// hls.js's LICENSE, Apache's notice, then "src/remux/mp4-generator.js and src/demux/exp-golomb.ts
// implementation in this project are derived from the HLS library for video.js (…)", then Apache's
// notice again for that code. Twenty-odd such words were over the limit for words no rule explains,
// and hls.js (every web video player) was unknown.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/identify-file.js';

const hls = readFileSync(new URL('../../fixtures/identify/hls-LICENSE', import.meta.url), 'utf8');
const read = (text: string) => identifyLicenceText('LICENSE', text);
const DERIVED = 'are derived from the HLS library for video.js';

describe('words that describe the work beside notices', () => {
  it('set no term: hls.js reads as its notices say', () => {
    expect(read(hls)).toMatchObject({ expression: 'Apache-2.0' });
    expect(read(hls).unexplained).toBeUndefined();
  });

  it('are terms when they speak of licences, rights or payment, or restrict', () => {
    expect(hls).toContain(DERIVED);
    expect(read(hls.replace(DERIVED, 'are derived from the HLS library, released under other licenses')).expression).toBeNull();
    expect(read(hls.replace(DERIVED, 'are derived from the HLS library for video.js, which its authors sell')).expression).toBeNull();
    expect(read(hls.replace(DERIVED, 'are not to be used in production')).expression).toBeNull();
  });

  it('count as before where they are most of the file: the notices must be its bulk', () => {
    const story = Array.from({ length: 25 }, () => 'The parser reads each segment and the muxer writes each fragment.').join(' ');
    expect(read(hls.replace(DERIVED, `${DERIVED}. ${story}`)).expression).toBeNull();
    expect(read(hls.replace(DERIVED, `${DERIVED}. ${story.slice(0, 300)}`)).expression).toBe('Apache-2.0');
  });
});
