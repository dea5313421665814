// GET /api/openapi.json is generated from the route schemas: valid OpenAPI 3.1 with servers /api,
// every route Fastify has under /api/ with its methods (and no others), and the response shapes
// the server really answers with.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newClientKey, startServer, type TestServer } from '../testing/helpers.js';

let s: TestServer;
let doc: any;
before(async () => {
  s = await startServer();
  const response = await s.api('/openapi.json');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  doc = response.json;
});
after(() => s.close());

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every `$ref` in a value, with where it sits. */
function refs(value: unknown, at = '#'): [string, string][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [[at, inner] as [string, string]] : refs(inner, `${at}/${key}`)
  );
}

/** Resolves a local JSON pointer (`#/components/schemas/Comment`) in the document. */
function resolve(pointer: string): unknown {
  return pointer
    .slice(2)
    .split('/')
    .reduce<any>((node, part) => node?.[part.replaceAll('~1', '/').replaceAll('~0', '~')], doc);
}

describe('/api/openapi.json', { timeout: 30_000 }, () => {
  test('is an OpenAPI 3.1 document with servers /api', () => {
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    assert.deepEqual(doc.servers, [{ url: '/api' }]);
    assert.equal(typeof doc.info.title, 'string');
    assert.equal(typeof doc.info.version, 'string');
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      assert.match(path, /^\/[^?#]*$/, path);
      assert.ok(!path.startsWith('/api/'), `${path}: paths are relative to servers /api`);
      const declared = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const method of Object.keys(item).filter((key) => METHODS.includes(key))) {
        const operation = item[method];
        assert.ok(Object.keys(operation.responses ?? {}).length > 0, `${method} ${path} has responses`);
        for (const [status, response] of Object.entries<any>(operation.responses)) {
          assert.match(status, /^([1-5]\d\d|[1-5]XX|default)$/, `${method} ${path} ${status}`);
          assert.equal(typeof response.description, 'string', `${method} ${path} ${status} description`);
        }
        // Every path parameter is declared, required, once.
        const pathParams = (operation.parameters ?? []).filter((p: any) => p.in === 'path');
        assert.deepEqual(pathParams.map((p: any) => p.name).sort(), [...declared].sort(), `${method} ${path}`);
        for (const parameter of operation.parameters ?? []) {
          assert.ok(['path', 'query', 'header', 'cookie'].includes(parameter.in), `${method} ${path} ${parameter.name}`);
          if (parameter.in === 'path') assert.equal(parameter.required, true);
        }
        assert.equal(new Set((operation.parameters ?? []).map((p: any) => `${p.in} ${p.name}`)).size, (operation.parameters ?? []).length);
      }
    }
    const operationIds = Object.values<any>(doc.paths).flatMap((item) =>
      Object.entries<any>(item).filter(([key]) => METHODS.includes(key)).map(([, op]) => op.operationId)
    );
    assert.equal(new Set(operationIds).size, operationIds.length, 'operationIds are unique');
    // Every reference resolves inside the document; validation messages are not in it.
    for (const [at, ref] of refs(doc)) {
      assert.match(ref, /^#\//, at);
      assert.ok(resolve(ref) !== undefined, `${at} → ${ref}`);
    }
    assert.doesNotMatch(JSON.stringify(doc), /"errorMessage"/);
  });

  test('has every route Fastify has under /api/, with its methods, and no others', () => {
    const fromFastify = s.app
      .apiRoutes()
      .map(({ method, url }) => `${method.toLowerCase()} ${url.slice('/api'.length).replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    // The routes were found (a test that cannot fail is no test).
    assert.ok(fromFastify.length >= 9, fromFastify.join('\n'));
    assert.ok(fromFastify.includes('get /threads/{threadId}/events'));
    const fromDoc = Object.entries<any>(doc.paths)
      .flatMap(([path, item]) => Object.keys(item).filter((key) => METHODS.includes(key)).map((method) => `${method} ${path}`))
      .sort();
    assert.deepEqual(fromDoc, fromFastify);
  });

  test('the response shapes are described, and name exactly the fields the server returns', async () => {
    const schemas = doc.components.schemas;
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const method of Object.keys(item).filter((key) => METHODS.includes(key))) {
        const responses = item[method].responses;
        const success = responses['200'] ?? responses['201'];
        // 204 (signing in and out) has no body to describe.
        assert.ok(success?.content || responses['204'], `${method} ${path}: a success response with content, or 204`);
        assert.ok(responses['4XX']?.content?.['application/json']?.schema, `${method} ${path}: the error shape`);
      }
    }
    const comments = doc.paths['/threads/{threadId}/comments'];
    assert.equal(comments.get.responses['200'].content['application/json'].schema.$ref, '#/components/schemas/CommentPage');
    assert.equal(comments.post.responses['201'].content['application/json'].schema.$ref, '#/components/schemas/Comment');
    assert.ok(doc.paths['/threads/{threadId}/events'].get.responses['200'].content['text/event-stream']);

    const client = newClientKey();
    const { json } = await s.post('openapi', { client });
    const edited = await s.api(`/threads/openapi/comments/${json.id}`, { method: 'PATCH', client: newClientKey(), body: { body: 'x' } });
    assert.equal(edited.status, 403);
    const mine = await s.api(`/threads/openapi/comments/${json.id}`, { method: 'PATCH', client, body: { body: 'edited' } });
    assert.equal(mine.status, 200);
    const comment = schemas.Comment;
    for (const key of Object.keys(mine.json)) assert.ok(key in comment.properties, key);
    for (const key of comment.required) assert.ok(key in json, key);
    assert.ok('editedAt' in mine.json && 'editedAt' in comment.properties);
    assert.deepEqual(Object.keys((await s.api('/config')).json).sort(), [...schemas.Config.required].sort());
    const page = (await s.list('openapi')).json;
    assert.deepEqual(Object.keys(page).sort(), [...schemas.CommentPage.required].sort());
    assert.deepEqual(Object.keys((await s.api('/counts?thread=openapi')).json), schemas.Counts.required);
    assert.deepEqual(Object.keys(edited.json), schemas.Error.required);
    assert.deepEqual(Object.keys(edited.json.error).sort(), [...schemas.Error.properties.error.required].sort());
  });
});
