// @ts-check
// Puts the seed blog post's comments into the demo thread once, on first start, with the
// ids the demo page knows them by (it shows them in the reader's language). Idempotency keys make
// it a no-op on every later start, and it never touches a thread that already has other data.
import { seedComments } from '../demo/seed.js';

export const demoThreadId = 'blog/social-media-roi';

/** @param {{ importComments: (comments: import('./db.mjs').ImportedComment[]) => (string | null)[] }} store */
export function seedDemoThread(store) {
  const added = store.importComments(
    seedComments.map((comment) => ({
      id: comment.id,
      idempotencyKey: `demo-seed:${comment.id}`,
      threadId: demoThreadId,
      parentId: comment.parentId,
      body: comment.body.sw,
      authorName: comment.author.name,
      createdAt: Date.parse(comment.createdAt),
    }))
  );
  return added.filter(Boolean).length;
}
