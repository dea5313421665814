// The moderation page on made-up comments, with no server: an in-memory client. For trying the
// page and for screenshots (`node demo/serve.mjs`, then /admin/preview.html; ?signed-out shows the
// sign-in form, whose password is "preview"; ?empty an empty queue).
import '../dist/admin.js';

const params = new URLSearchParams(location.search);
const minutes = (n) => new Date(Date.now() - n * 60_000).toISOString();
const comments = params.has('empty')
  ? []
  : [
      { id: 'c1', threadId: 'blog/social-media-roi', heldFor: 'moderation', status: 'pending', createdAt: minutes(4), author: { name: 'Amani Njoroge', url: 'https://example.com/amani' }, body: 'Makala nzuri sana! Tulijaribu **Instagram** kwa biashara yetu ndogo ya Nairobi na tukaona ongezeko la wateja.' },
      { id: 'c2', threadId: 'blog/social-media-roi', heldFor: 'links', status: 'pending', createdAt: minutes(38), author: { name: 'Priya Sharma', verified: true }, body: 'बहुत उपयोगी लेख। मैंने यहाँ और लिखा है: https://example.com/roi और https://example.com/roi-2 — क्या आप *ROI* की गणना का तरीका भी बता सकते हैं?' },
      { id: 'c3', threadId: 'blog/email-vs-social', heldFor: 'akismet', status: 'pending', createdAt: minutes(95), author: { name: 'best-deals-4u' }, body: 'Cheap followers!!! <img src=x onerror=alert(1)> visit [my site](javascript:alert(1)) now' },
      { id: 'c4', threadId: 'blog/email-vs-social', heldFor: 'too-fast', status: 'pending', createdAt: minutes(60 * 5), author: { name: 'Jordan Lee' }, body: 'Quick question — does the `utm_source` tag survive a redirect?\n> We lost ours on every link shortener.' },
      { id: 'c5', threadId: 'blog/social-media-roi', heldFor: 'akismet-unavailable', status: 'pending', createdAt: minutes(60 * 26), author: { name: 'Wanjiru Kamau' }, body: 'Asante kwa ushauri. Tutajaribu kupima kila kampeni kwa wiki mbili kwanza.' },
      { id: 'c6', threadId: 'blog/email-vs-social', heldFor: 'manual', status: 'spam', createdAt: minutes(60 * 50), author: { name: 'promo bot' }, body: 'Buy now, limited offer.' },
      { id: 'c7', threadId: 'blog/social-media-roi', heldFor: null, status: 'published', createdAt: minutes(60 * 72), author: { name: 'Rahul Verma' }, body: 'धन्यवाद, यह बहुत स्पष्ट था।' },
      { id: 'c8', threadId: 'blog/social-media-roi', heldFor: null, status: 'deleted', createdAt: minutes(60 * 80), author: { name: 'Sam' }, body: 'Posted twice by mistake.' },
    ];

const after = { approve: 'published', spam: 'spam', delete: 'deleted', restore: 'published' };
const wait = () => new Promise((resolve) => setTimeout(resolve, 150));
const account = { email: 'owner@example.com', role: 'owner' };
let session = params.has('signed-out') ? null : account;
const log = [
  { id: 'l1', at: minutes(12), actor: { email: 'owner@example.com' }, action: 'approve', commentId: 'c7', threadId: 'blog/social-media-roi' },
  { id: 'l2', at: minutes(60 * 3), actor: { email: 'neema@example.com' }, action: 'spam', commentId: 'c6', threadId: 'blog/email-vs-social' },
  { id: 'l3', at: minutes(60 * 30), actor: { email: 'owner@example.com' }, action: 'delete', commentId: 'c8', threadId: 'blog/social-media-roi' },
];
const unauthorized = () => Object.assign(new Error('Not signed in'), { code: 'unauthorized' });

const client = {
  async signIn(email, password) {
    await wait();
    if (password !== 'preview') throw Object.assign(new Error('Wrong email or password'), { code: 'unauthorized' });
    session = { email, role: 'owner' };
  },
  async session() {
    return session;
  },
  async signOut() {
    session = null;
  },
  async list({ status, thread }) {
    await wait();
    if (!session) throw unauthorized();
    const inThread = comments.filter((c) => !thread || c.threadId === thread);
    const counts = { pending: 0, spam: 0, published: 0, deleted: 0 };
    for (const c of inThread) counts[c.status]++;
    return { comments: inThread.filter((c) => c.status === status).map((c) => ({ ...c, parentId: null })), nextCursor: null, counts };
  },
  async moderate(id, action) {
    await wait();
    const found = comments.find((c) => c.id === id);
    found.status = after[action];
    log.unshift({ id: `l${log.length + 1}`, at: new Date().toISOString(), actor: { email: session.email }, action, commentId: id, threadId: found.threadId });
    return { ...found, parentId: null };
  },
  async ban(id) {
    await wait();
    const found = comments.find((c) => c.id === id);
    log.unshift({ id: `l${log.length + 1}`, at: new Date().toISOString(), actor: { email: session.email }, action: 'ban', commentId: id, threadId: found.threadId });
    return { id: `b${id}`, createdAt: new Date().toISOString() };
  },
  async log() {
    await wait();
    return { entries: log, nextCursor: null };
  },
};

document.querySelector('comment-moderation').client = client;

// ?log opens the activity log (for screenshots).
if (params.has('log')) {
  const element = document.querySelector('comment-moderation');
  const open = () => {
    const button = element.shadowRoot?.querySelectorAll('[part="nav-button"]')[1];
    if (button) button.click();
    else setTimeout(open, 50);
  };
  open();
}
