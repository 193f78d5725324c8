import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { postgresTarget } from './database';

describe('postgresTarget', () => {
  it('takes the schema from libpq options, so migrations and catalog reads stay in it', () => {
    const url = 'postgres://carillon@db:5432/chat?options=-c%20search_path%3Dcarillon';
    assert.deepEqual(postgresTarget(url), { dialect: 'postgres', url, schema: 'carillon' });
  });

  it('finds search_path among other options', () => {
    const options = encodeURIComponent('-c statement_timeout=5000 -c search_path=tenant_7');
    const url = `postgres://db/chat?options=${options}`;
    assert.deepEqual(postgresTarget(url), { dialect: 'postgres', url, schema: 'tenant_7' });
  });

  it('names no schema without one (public) or for a list of schemas', () => {
    for (const url of [
      'postgres://db/chat',
      `postgres://db/chat?options=${encodeURIComponent('-c search_path=a,b')}`,
    ])
      assert.deepEqual(postgresTarget(url), { dialect: 'postgres', url });
  });
});
