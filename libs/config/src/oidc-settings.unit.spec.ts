import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, loadSettings, oidcEnabled } from './settings.js';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
};

const OIDC = {
  OIDC_ISSUER_URL: 'https://sso.example.gov.cn/realms/county',
  OIDC_CLIENT_ID: 'supervision-engine',
  OIDC_CLIENT_SECRET: 'a-client-secret',
  OIDC_REDIRECT_URI: 'https://duban.example.gov.cn/api/v1/auth/oidc/callback',
};

describe('single sign-on settings', () => {
  it('are off when none is set, and on when all four are', () => {
    expect(oidcEnabled(loadSettings({}))).toBe(false);
    const settings = loadSettings(OIDC);
    expect(oidcEnabled(settings)).toBe(true);
    expect(settings.OIDC_USERNAME_CLAIM).toBe('preferred_username');
    expect(settings.OIDC_SCOPE).toBe('openid profile');
  });

  it('name every missing one when only some are set', () => {
    const problems = problemsOf({ OIDC_ISSUER_URL: OIDC.OIDC_ISSUER_URL, OIDC_CLIENT_ID: OIDC.OIDC_CLIENT_ID });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/^OIDC_CLIENT_SECRET: single sign-on needs all of .*\nOIDC_REDIRECT_URI: single sign-on needs all of /);
  });

  it('refuse an issuer or a redirect that is not an http(s) URL, and a plain-HTTP issuer in production', () => {
    expect(problemsOf({ ...OIDC, OIDC_ISSUER_URL: 'sso.example.gov.cn' })).toEqual([expect.stringMatching(/^OIDC_ISSUER_URL: /)]);
    expect(problemsOf({ ...OIDC, OIDC_REDIRECT_URI: 'javascript:alert(1)' })).toEqual([expect.stringMatching(/^OIDC_REDIRECT_URI: /)]);
    expect(problemsOf({ ...OIDC, OIDC_ISSUER_URL: 'http://127.0.0.1:4000' })).toEqual([]);
    const production = { NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(40), ADMIN_INITIAL_PASSWORD: 'Initial-Password-1' };
    expect(problemsOf({ ...OIDC, ...production })).toEqual([]);
    expect(problemsOf({ ...OIDC, ...production, OIDC_ISSUER_URL: 'http://sso.example.gov.cn' })).toEqual([
      'OIDC_ISSUER_URL must be an https:// URL when NODE_ENV=production',
    ]);
  });

  it('take another username claim and scopes, which must include openid', () => {
    expect(loadSettings({ ...OIDC, OIDC_USERNAME_CLAIM: 'employee_no', OIDC_SCOPE: 'openid profile employee' }).OIDC_USERNAME_CLAIM).toBe(
      'employee_no',
    );
    expect(problemsOf({ OIDC_USERNAME_CLAIM: 'a claim' })).toEqual(['OIDC_USERNAME_CLAIM must be a claim name such as preferred_username']);
    expect(problemsOf({ OIDC_SCOPE: 'profile email' })).toEqual([
      expect.stringMatching(/^OIDC_SCOPE must be space-separated scopes including openid/),
    ]);
    expect(problemsOf({ OIDC_SCOPE: 'openidx profile' })).toHaveLength(1);
  });
});
