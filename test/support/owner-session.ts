/**
 * The owner of the reference server web-test-runner.config.mjs mounts under /api, and its session
 * (a cookie of the whole browser: every test that signs in signs out again, so no other test file
 * runs as the owner).
 */
export const owner = { email: 'owner@maoni.test', password: 'test owner password' };

/** Signs this browser in as the owner; throws unless the server answers 204. */
export async function signInAsOwner(): Promise<void> {
  const response = await fetch('/api/session', {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(owner),
  });
  if (response.status !== 204) throw new Error(`the owner could not sign in: ${response.status}`);
}

export async function signOut(): Promise<void> {
  await fetch('/api/session', { method: 'DELETE', credentials: 'include' });
}
