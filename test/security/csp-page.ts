/**
 * Runs inside test/security/csp-page.html, which is served with a strict CSP and Trusted Types.
 * Renders a thread full of hostile content, then reports to the test (the parent window) what
 * it rendered and every CSP violation the page saw.
 */
import '../../src/define.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`);
});

const hostile = '<img src=x onerror="parent.postMessage(\'xss\', \'*\')"><script>parent.postMessage("xss", "*")</script>';
const thread = document.querySelector<CommentThread>('comment-thread')!;
thread.adapter = new MemoryAdapter({
  comments: {
    csp: [
      { id: 'a', parentId: null, author: { name: hostile, url: 'javascript:parent.postMessage("xss","*")', avatarUrl: 'javascript:alert(1)' }, body: hostile, createdAt: '2024-01-01T00:00:00Z' },
      { id: 'b', parentId: 'a', author: { name: 'Baraka', url: 'https://example.com/b', avatarUrl: 'data:image/svg+xml,<svg onload=alert(1)>' }, body: '@a jibu', createdAt: '2024-01-02T00:00:00Z' },
      {
        id: 'c',
        parentId: null,
        author: { name: 'Markdown' },
        body: '**Bold** *and* `code`, [docs](https://example.com/docs), [x](javascript:parent.postMessage("xss","*"))\n> quote\n- item\n```\n<script>parent.postMessage("xss","*")</script>\n```',
        createdAt: '2024-01-03T00:00:00Z',
      },
    ],
  },
});

async function report(): Promise<void> {
  const root = thread.shadowRoot!;
  for (let i = 0; i < 100 && !root.querySelector('comment-item'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  const items = [...root.querySelectorAll('comment-item')];
  await Promise.all(items.map((item) => (item as unknown as { updateComplete: Promise<unknown> }).updateComplete));
  // Post a reply too: the form, the optimistic insert and the new item all run under the policy.
  await new Promise((resolve) => setTimeout(resolve, 50));
  parent.postMessage(
    {
      kind: 'csp-report',
      heading: root.querySelector('[part="heading"]')?.textContent?.trim(),
      items: items.length,
      richText: items.find((item) => item.comment?.id === 'c')?.shadowRoot!.querySelectorAll('strong, em, code, pre, blockquote, ul').length,
      images: items.reduce((n, item) => n + item.shadowRoot!.querySelectorAll('img').length, 0),
      links: items.flatMap((item) => [...item.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'))),
      adoptedSheets: root.adoptedStyleSheets.length,
      violations,
    },
    '*'
  );
}
void report();
