import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000 with demo data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, demoData: true, logLevel: 'info' });
    expect(config.dataDir).toMatch(/\.data$/);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('turns demo data off with DATABASE_URL unless DEMO_DATA=true', () => {
    const url = 'postgres://slt@db:5432/slt';
    expect(loadConfig({ DATABASE_URL: url }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: url, DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(loadConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
  });

  it('refuses invalid values, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ MAIL_DIGEST_WEEKDAY: '0' })).toThrow(/MAIL_DIGEST_WEEKDAY/);
    expect(() => loadConfig({ MAIL_DIGEST_WEEKDAY: '8' })).toThrow(/MAIL_DIGEST_WEEKDAY/);
  });

  it('queues the weekly digests on Monday unless MAIL_DIGEST_WEEKDAY (ISO, 1–7) says another day', () => {
    expect(loadConfig({}).mailDigestWeekday).toBe(1);
    expect(loadConfig({ MAIL_DIGEST_WEEKDAY: '7' }).mailDigestWeekday).toBe(7);
  });

  it('takes SECRETS_KEY as 32 bytes in base64 and refuses any other length', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ SECRETS_KEY: key }).secretsKey).toBe(key);
    expect(loadConfig({}).secretsKey).toBeUndefined();
    expect(() => loadConfig({ SECRETS_KEY: Buffer.alloc(16, 7).toString('base64') })).toThrow(/SECRETS_KEY/);
    expect(() => loadConfig({ SECRETS_KEY: 'not base64 at all, not thirty-two bytes!!!!' })).toThrow(/SECRETS_KEY/);
  });
});
