// Passwords are stored as salted scrypt hashes and compared in constant time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, verifyPassword } from '../src/auth/passwords.js';

describe('passwords', () => {
  test('a hash verifies its password and no other; it never contains the password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    assert.match(stored, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.ok(!stored.includes('horse'));
    assert.equal(await verifyPassword('correct horse battery staple', stored), true);
    assert.equal(await verifyPassword('correct horse battery stapl', stored), false);
    assert.equal(await verifyPassword('', stored), false);
  });

  test('the same password hashes differently each time (a salt per password)', async () => {
    const [a, b] = await Promise.all([hashPassword('pw-123456'), hashPassword('pw-123456')]);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('pw-123456', b), true);
  });

  test('Unicode passwords are compared in one normal form (é typed two ways)', async () => {
    const stored = await hashPassword('caf\u00e9-password');
    assert.equal(await verifyPassword('cafe\u0301-password', stored), true);
  });

  test('a malformed stored value is never a match', async () => {
    for (const stored of ['', 'plain', 'scrypt$x$8$1$abc$def', 'bcrypt$1$1$1$a$b', 'scrypt$32768$8$1$$']) {
      assert.equal(await verifyPassword('anything', stored), false, stored);
    }
  });
});
