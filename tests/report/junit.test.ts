// JUnit: a test case per component, failing for outcomes in fail-on, and the policy's errors as
// failures of their own, in XML any CI can read.
import { describe, expect, it } from 'vitest';
import { junit } from '../../src/report/junit.js';
import { fixtureReport } from './fixture-report.js';

describe('JUnit', () => {
  const xml = junit(fixtureReport(), { color: false, failOn: ['payback', 'forbidden', 'unknown'] });

  it('has a test case per component and per error diagnostic', () => {
    expect(xml.match(/<testcase /g)).toHaveLength(6 + 1);
    expect(xml).toContain('<testsuites name="copyfair" tests="7" failures="4" errors="0">');
    expect(xml).toContain('<testsuite name="shop" tests="6" failures="3" errors="0" skipped="0">');
    expect(xml).toContain('<testcase classname="copyfair.diagnostic" name="config-exception-expired copyfair.yaml:14">');
  });

  it('fails exactly the outcomes in fail-on', () => {
    const failed = [...xml.matchAll(/<failure type="([a-z-]+)"/g)].map((m) => m[1]);
    expect(failed).toEqual(['forbidden', 'payback', 'unknown', 'config-exception-expired']);
    const lenient = junit(fixtureReport(), { color: false, failOn: ['forbidden'] });
    expect(lenient).toContain('<testsuite name="shop" tests="6" failures="1" errors="0" skipped="0">');
  });

  it('escapes what XML needs escaped', () => {
    expect(xml).toContain('you work in fossil-fuels &amp; the licence bans &quot;&lt;fossil fuel&gt;&quot; work');
    expect(xml).not.toMatch(/<(?!\/?(?:testsuites|testsuite|testcase|failure|properties|property|system-out)\b|\?xml)/);
  });
});
