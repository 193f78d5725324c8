import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { errorId } from '../../../test/factories';

describeEachDialect('system routes and the error vocabulary', (dialect) => {
  const t = useTestApp(dialect);

  it('reports health with the database in use', async () => {
    const response = await t().request({ method: 'GET', url: '/api/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), {
      status: 'ok',
      version: '0.1.0',
      edition: 'international',
      database: dialect,
    });
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await t().request({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.json();
    assert.equal(doc.openapi, '3.1.0');
    const register = doc.paths['/api/auth/register'].post;
    assert.deepEqual(register.requestBody.content['application/json'].schema.properties.code, {
      type: 'string',
      pattern: '^\\d{6}$',
    });
    assert.ok(register.responses['409'], 'documents account_exists');
    assert.ok(
      doc.paths['/api/sessions/{id}'].delete.parameters.some(
        (p: { in: string }) => p.in === 'path',
      ),
    );
    assert.ok(doc.components.schemas.ErrorBody);
  });

  it('renders the API reference page without outside assets', async () => {
    const response = await t().request({ method: 'GET', url: '/api/docs' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.match(response.body, /\/api\/auth\/register/);
    assert.doesNotMatch(response.body, /<script|https?:\/\/(?!localhost)/);
  });

  it('answers unknown routes with 404 and wrong methods with 405, in the same shape', async () => {
    const missing = await t().request({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(missing.statusCode, 404);
    assert.equal(errorId(missing), 'not_found');
    const wrongMethod = await t().request({ method: 'DELETE', url: '/api/health' });
    assert.equal(wrongMethod.statusCode, 405);
    assert.equal(errorId(wrongMethod), 'method_not_allowed');
    assert.equal(wrongMethod.headers.allow, 'GET, HEAD');
    const withParam = await t().request({ method: 'GET', url: '/api/sessions/abc' });
    assert.equal(withParam.statusCode, 405);
    assert.equal(withParam.headers.allow, 'DELETE');
  });

  it('answers 415 for a body type the route does not take', async () => {
    const response = await t().request({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'phone=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(response.statusCode, 415);
    assert.equal(errorId(response), 'unsupported_media_type');
  });
});
