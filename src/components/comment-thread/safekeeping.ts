/**
 * Keeps the reader's words for one `<comment-thread>`: what they type is a draft per thread and
 * parent (saved as they type and when the page goes away), and what they post shows at once and
 * stays in the outbox until the server confirms it (deliveries.ts). Part of the list chunk,
 * which the thread loads beside its first page.
 */
import type { ReactiveElement } from 'lit';
import type { AdapterError, Comment, CommentAdapter, NewComment } from '../../adapters/adapter.js';
import type { CommentDeliveryEvent } from '../comment-item/delivery-view.js';
import { CommentCreatedEvent, CommentErrorEvent } from '../../events.js';
import { Deliveries, localComment, localId, type DeliveryHost } from '../../keeping/deliveries.js';
import { draftStore, type Draft, type Typed } from '../../keeping/drafts.js';

export type { Typed };
import { normalizeComment } from '../../core/normalize.js';
import type { OutboxEntry } from '../../keeping/outbox.js';
import type { Localization } from '../../i18n/localization.js';
import { countHeading } from '../../i18n/list-labels.js';
import { errorMessage } from '../../i18n/messages.js';
import type { ThreadStore } from './thread-store.js';
import { focusComment, itemFor } from './find-item.js';

/** The thread, as far as keeping words needs it. */
export interface KeeperHost {
  element: ReactiveElement & { adapter?: CommentAdapter; thread: string; requestTimeout: number; announce(words: (l: Localization) => string): void };
  store: ThreadStore;
  /** Ids of the reader's own comments, which paging never hides. */
  posted: Set<string>;
}

// The thread's Safekeeping by its store: realtime updates (capability UI) hand it echoes.
const keepers = new WeakMap<ThreadStore, Safekeeping>();

/** Gives a realtime `created` event to the thread's Safekeeping: true when it was the echo of the reader's own post. */
export function claimEcho(store: ThreadStore, comment: Comment): boolean {
  return keepers.get(store)?.claimEcho(comment) ?? false;
}

/** How long typing pauses before the draft is written. */
const saveDelay = 400;
let swept = false;

const keyOf = (parentId: string | null) => parentId ?? '';

export class Safekeeping implements DeliveryHost {
  readonly deliveries = new Deliveries(this);
  private readonly drafts = draftStore();
  /** The drafts forms start with: read when the thread loads, or put back by Edit. Not updated by typing. */
  private readonly restored = new Map<string, Draft>();
  private readonly unsaved = new Map<string, { threadId: string; parentId: string | null; typed: Typed }>();
  private timer?: ReturnType<typeof setTimeout>;
  /** The comment each confirmed submission became, by idempotency key. */
  private readonly became = new Map<string, string>();
  private readonly onPageHide = () => this.flush();

  constructor(private readonly host: KeeperHost) {
    if (!swept) {
      swept = true;
      this.drafts.sweep();
    }
    keepers.set(host.store, this);
  }

  /**
   * The realtime echo of the reader's post that is still on its way takes its local stand-in's
   * place (the same element, so the focus stays). The echo carries no idempotency key: it is
   * matched by parent and text among this thread's unconfirmed submissions.
   */
  claimEcho(comment: Comment): boolean {
    const { store, element } = this.host;
    // Only submissions sent from this page have a stand-in shown: no need to read the outbox.
    for (const entry of this.deliveries.inFlight(element.thread)) {
      const id = localId(entry.key);
      if (entry.input.parentId === comment.parentId && entry.input.body === comment.body && store.tree.byId.has(id)) {
        store.replace(id, comment);
        this.became.set(entry.key, comment.id);
        return true;
      }
    }
    return false;
  }

  get adapter(): CommentAdapter | undefined {
    return this.host.element.adapter;
  }

  get timeout(): number {
    return this.host.element.requestTimeout;
  }

  connect(): void {
    addEventListener('pagehide', this.onPageHide);
    this.deliveries.connect();
  }

  disconnect(): void {
    this.flush();
    removeEventListener('pagehide', this.onPageHide);
    this.deliveries.disconnect();
  }

  /**
   * After a thread's first page came (`loaded`) or failed: reads its drafts for the forms; once
   * loaded, also announces the count, shows and sends again what the outbox still holds (a reload in the middle of a
   * post), and says which reply form to reopen (the newest reply draft whose comment is shown).
   */
  restore(threadId: string, name: string, loaded: boolean): string | null {
    this.restored.clear();
    const drafts = this.drafts.all(threadId);
    for (const [parentId, draft] of drafts) this.restored.set(keyOf(parentId), draft);
    if (!loaded) return null;
    const { store, posted, element } = this.host;
    // "3 Comments", said once the list is in.
    element.announce((l) => countHeading(l, store.count));
    for (const entry of this.deliveries.pending(threadId)) {
      const id = localId(entry.key);
      if (!store.tree.byId.has(id)) store.insert(localComment(entry, name));
      posted.add(id);
      this.deliveries.send(entry);
    }
    return drafts.find(([parentId]) => parentId !== null && store.tree.byId.has(parentId))?.[0] ?? null;
  }

  /** The thread changes: what was typed is saved under the old one, and no old draft is offered. */
  leave(): void {
    this.flush();
    this.restored.clear();
  }

  /** A reply form opens (again): it starts with its draft as saved so far. */
  refresh(threadId: string, parentId: string | null): void {
    this.flush();
    const draft = this.drafts.get(threadId, parentId);
    if (draft) this.restored.set(keyOf(parentId), draft);
    else this.restored.delete(keyOf(parentId));
  }

  /** The draft a form starts with. */
  initial(parentId: string | null): Draft | undefined {
    return this.restored.get(keyOf(parentId));
  }

  /** The reader typed: the draft is written once typing pauses (and when the page goes away). */
  input(threadId: string, parentId: string | null, typed: Typed): void {
    this.unsaved.set(keyOf(parentId), { threadId, parentId, typed });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), saveDelay);
  }

  flush(): void {
    clearTimeout(this.timer);
    for (const { threadId, parentId, typed } of this.unsaved.values()) this.drafts.save(threadId, parentId, typed);
    this.unsaved.clear();
  }

  /**
   * Posts: the submission goes into the outbox, its local comment shows, the draft goes (the
   * outbox holds the text now), and it is sent.
   */
  post(threadId: string, input: NewComment, key: string, name: string): void {
    const entry = this.deliveries.add(threadId, input, key);
    this.host.store.insert(localComment(entry, name));
    this.host.posted.add(localId(key));
    const parentKey = keyOf(input.parentId);
    this.unsaved.delete(parentKey);
    this.restored.delete(parentKey);
    this.drafts.clear(threadId, input.parentId);
    this.deliveries.send(entry);
    this.focus(localId(key));
  }

  /** Moves focus to a comment once it is rendered: after posting, the reader is at their comment. */
  private focus(commentId: string): void {
    const { element } = this.host;
    element.updateComplete.then(() => focusComment(itemFor(element.renderRoot, commentId)));
  }

  /**
   * Retry sends a failed submission again, with its idempotency key; Edit takes its text back into
   * its form, which `reopen` shows and focuses.
   */
  handle(event: CommentDeliveryEvent, reopen: (parentId: string | null) => void): void {
    event.stopPropagation();
    const id = event.comment.id;
    const entry = this.deliveries.entry(id);
    if (event.action === 'retry') {
      if (entry) this.deliveries.send(entry);
      return;
    }
    const parentId = this.takeBack(id);
    if (parentId !== undefined) reopen(parentId);
  }

  /**
   * Edit on a submission that was not sent: it leaves the outbox and the thread, and its text goes
   * back into its form as a draft. Resolves the form's parent id.
   */
  takeBack(commentId: string): string | null | undefined {
    const entry = this.deliveries.entry(commentId);
    if (!entry) return undefined;
    this.deliveries.withdraw(entry.key);
    const { store } = this.host;
    store.remove(commentId);
    // The text joins whatever the form holds (saved first), in storage and in the form alike.
    this.flush();
    const { threadId } = entry;
    const { parentId, body, author } = entry.input;
    const held = this.drafts.get(threadId, parentId)?.body.trim();
    const draft = { body: held ? `${held}\n\n${body}` : body, ...(author ? { name: author.name } : {}) };
    this.drafts.save(threadId, parentId, draft);
    this.restored.set(keyOf(parentId), { ...draft, savedAt: Date.now() });
    return parentId;
  }

  // ---- DeliveryHost ----

  confirmed(entry: OutboxEntry, created: unknown): boolean {
    const comment = normalizeComment(created);
    if (!comment) return false;
    const { element, store, posted } = this.host;
    if (entry.threadId === element.thread) {
      // The comment takes its local stand-in's place in its element (which keeps the focus), unless
      // it is shown already (a realtime echo came first): then the stand-in goes, and the focus
      // moves to the echo if the reader was on the stand-in.
      const focused = (element.renderRoot as ShadowRoot).activeElement as { comment?: { id: string } } | null;
      const echoed = store.tree.byId.has(comment.id);
      store.replace(localId(entry.key), echoed ? null : comment);
      if (echoed && focused?.comment?.id === localId(entry.key)) this.focus(comment.id);
      posted.add(comment.id);
      this.became.set(entry.key, comment.id);
      element.announce((l) => l.msg('Your comment was posted.', { id: 'thread.announce.posted' }));
      element.dispatchEvent(new CommentCreatedEvent({ threadId: entry.threadId, comment }));
    }
    return true;
  }

  changed(entry: OutboxEntry): void {
    // Only its comment renders again: the local stand-in, or the comment it became.
    const { store } = this.host;
    const id = [localId(entry.key), this.became.get(entry.key)].find((shown) => shown !== undefined && store.tree.byId.has(shown));
    if (id) store.touch(id);
    else this.host.element.requestUpdate();
  }

  failed(entry: OutboxEntry, error: AdapterError): void {
    this.host.element.announce((l) => `${l.msg('Your comment was not sent.', { id: 'thread.announce.failed' })} ${errorMessage(l, error)}`);
    this.host.element.dispatchEvent(new CommentErrorEvent({ threadId: entry.threadId, operation: 'post', error }));
  }
}
