// Puts the seed blog post's comments into the demo thread once, on first start, with the ids the
// demo page knows them by (it shows them in the reader's language). Idempotency keys make it a
// no-op on every later start, and it never touches a thread that already has other data. The
// comments come from the repository's demo/seed.js, so this runs only beside the demo.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CommentStore } from './store/comments.js';

export const demoThreadId = 'blog/social-media-roi';

interface SeedComment {
  id: string;
  parentId: string | null;
  author: { name: string };
  body: { sw: string };
  createdAt: string;
}

/** @returns How many comments were added (0 on every start after the first). */
export async function seedDemoThread(store: CommentStore, demoRoot: string): Promise<number> {
  const { seedComments } = (await import(pathToFileURL(join(demoRoot, 'demo', 'seed.js')).href)) as { seedComments: SeedComment[] };
  const added = await store.importComments(
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
