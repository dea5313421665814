// @ts-check
// server/openapi.json documents exactly the routes the server has, and the shapes it answers with.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { routes } from '../router.mjs';
import { newClientKey, startServer } from '../testing/helpers.mjs';

const doc = JSON.parse(await readFile(new URL('../openapi.json', import.meta.url), 'utf8'));

describe('openapi.json', { timeout: 30_000 }, () => {
  test('is OpenAPI 3.1 with servers /api', () => {
    assert.match(doc.openapi, /^3\.1\./);
    assert.deepEqual(doc.servers, [{ url: '/api' }]);
  });

  test('has every route and method of the router, and no others', () => {
    const names = { thread: '{threadId}', comment: '{commentId}' };
    const fromRouter = routes
      .flatMap(({ pattern, methods }) => {
        const path = '/' + pattern.map((part) => (part.startsWith(':') ? names[/** @type {'thread'} */ (part.slice(1))] : part)).join('/');
        return Object.keys(methods).map((method) => `${method.toLowerCase()} ${path}`);
      })
      .sort();
    const fromDoc = Object.entries(doc.paths)
      .flatMap(([path, item]) =>
        Object.keys(/** @type {object} */ (item))
          .filter((key) => ['get', 'post', 'patch', 'delete', 'put'].includes(key))
          .map((method) => `${method} ${path}`)
      )
      .sort();
    assert.deepEqual(fromDoc, fromRouter);
  });

  test('the Comment schema names exactly the fields the server returns', async () => {
    const s = await startServer();
    try {
      const { json } = await s.post('openapi', { client: newClientKey() });
      const edited = await s.api(`/threads/openapi/comments/${json.id}`, {
        method: 'PATCH',
        client: newClientKey(),
        body: { body: 'x' },
      });
      assert.equal(edited.status, 403);
      const schema = doc.components.schemas.Comment;
      for (const key of Object.keys(json)) assert.ok(key in schema.properties, key);
      for (const key of schema.required) assert.ok(key in json, key);
      assert.deepEqual(Object.keys((await s.api('/config')).json).sort(), [...doc.components.schemas.Config.required].sort());
      assert.deepEqual(Object.keys(edited.json.error).sort(), [...doc.components.schemas.Error.properties.error.required].sort());
    } finally {
      await s.close();
    }
  });
});
