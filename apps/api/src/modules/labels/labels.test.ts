import { negotiateLanguage, type Labels } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoData: false });
});
afterAll(async () => {
  await t?.close();
});

describe('enum labels', () => {
  it('answers in the language Accept-Language prefers, and says so', async () => {
    const ask = async (acceptLanguage?: string) => {
      const response = await call(t, 'GET', '/api/v1/labels', { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
      expect(response.headers.get('vary')).toMatch(/Accept-Language/);
      return { body: (await response.json()) as Labels, contentLanguage: response.headers.get('content-language') };
    };
    const nn = await ask('nn-NO,nn;q=0.9,en;q=0.5');
    expect(nn.contentLanguage).toBe('nn');
    expect(nn.body.labels['tierLevel']!['operational']).toBe('Utøvande nivå');
    expect(nn.body.labels['meetingStatus']!['cancelled']).toBe('Avlyst');
    const en = await ask('de-DE, en;q=0.8, nb;q=0.7');
    expect(en.body).toMatchObject({
      language: 'en',
      labels: { membershipRole: { chair: 'Chair' }, complianceStatus: { at_risk: 'At risk' } },
    });
    expect((await ask()).body.labels['tierLevel']!['strategic']).toBe('Styringsnivå');
  });

  it('negotiates like RFC 9110: quality values, region subtags, "no" as bokmål, bokmål by default', () => {
    expect(negotiateLanguage('en;q=0.4, nn;q=0.6')).toBe('nn');
    expect(negotiateLanguage('no')).toBe('nb');
    expect(negotiateLanguage('nb-NO')).toBe('nb');
    expect(negotiateLanguage('sv, da')).toBe('nb');
    expect(negotiateLanguage('nn;q=0, en')).toBe('en');
  });
});
