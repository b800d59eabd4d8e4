import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';

describe('configuration from the environment', () => {
  it('defaults to the embedded database in ./data, demo mode on', () => {
    const c = loadConfig({}, '/srv/tp');
    expect(c).toMatchObject({ port: 3000, dataDir: '/srv/tp/data', databaseUrl: undefined, demo: true });
  });

  it('turns demo mode off by default on a PostgreSQL server', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).demo).toBe(false);
  });

  it('stops with a message naming each bad variable and what it expects', () => {
    const attempt = () => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', TIANPING_DEMO: 'maybe' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('postgres://');
      expect(message).toContain('TIANPING_DEMO');
      expect(message).toContain('true 或 false');
    }
  });

  it('refuses an out-of-range port', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT.*65535/);
  });
});
