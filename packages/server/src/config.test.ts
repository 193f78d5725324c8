import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, parseConfig } from './config';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = parseConfig({});
    assert.equal(config.port, 8080);
    assert.equal(config.edition, 'international');
    assert.equal(config.dataDir, path.resolve('./data'));
    assert.equal(config.databaseUrl, undefined);
    assert.deepEqual(config.sms, { provider: 'outbox' });
    assert.equal(config.clusterName, 'carillon');
    assert.equal(config.groupMemberLimit, 1000);
    assert.equal(config.fileMaxBytes, 100 * 1024 * 1024);
  });

  it('treats empty variables as unset', () => {
    assert.equal(parseConfig({ PORT: '', DATABASE_URL: '' }).port, 8080);
  });

  it('reports every problem at once, by variable name', () => {
    try {
      parseConfig({
        PORT: 'eighty',
        EDITION: 'mars',
        DATABASE_URL: 'mysql://localhost/db',
        SMS_PROVIDER: 'http',
        OPERATOR_USERNAME: 'root',
        CLUSTER_NAME: 'Two Words',
      });
      assert.fail('expected a ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      const text = error.problems.join('\n');
      const named = [
        'PORT',
        'EDITION',
        'DATABASE_URL',
        'SMS_HTTP_URL',
        'OPERATOR_PASSWORD',
        'CLUSTER_NAME',
      ];
      for (const name of named) assert.match(text, new RegExp(`^${name}:`, 'm'), name);
    }
  });

  it('stops the server with exit code 2 and a readable list', () => {
    const main = path.join(import.meta.dirname, 'main.ts');
    const result = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, PORT: '-1', EDITION: 'moon' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /Invalid configuration:\n {2}- PORT: .*\n {2}- EDITION: /);
  });
});
