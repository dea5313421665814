/**
 * The thread's list of comments: nested lists up to `max-depth` (deeper replies in one flat list,
 * in reading order), a page of each list at a time, "Show N more replies" and "Load more
 * comments". Part of the list chunk: the list shows only once that is in, since every page of
 * comments needs it (normalization), so its templates need not weigh on the core bundle.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Comment, CommentAdapter } from '../../adapters/adapter.js';
import { commentItemParts, type CommentItemShape } from '../comment-item/item-shape.js';
import { focusComment } from './find-item.js';
import type { LinkOptions } from '../../core/links.js';
import { moreRepliesLabel, repliesLabel } from '../../i18n/list-labels.js';
import { allotReplies, inReadingOrder, pageOf, type ListPaging } from '../../core/list-paging.js';
import type { Localization } from '../../i18n/localization.js';
import { errorMessage } from '../../i18n/messages.js';
import type { Safekeeping } from './safekeeping.js';
import type { ThreadStore } from './thread-store.js';
import type { CommentNode } from '../../core/tree.js';

/** What the list shows of the capabilities chunk's thread actions (its ThreadActions is one). */
export interface ListActions {
  isBusy(id: string): boolean;
  renderEditForm(l: Localization, comment: Comment, links: LinkOptions): TemplateResult | undefined;
  renderActionError(l: Localization, id: string): TemplateResult | typeof nothing;
}

/** What the list needs of its `<comment-thread>`. */
export interface ListView extends ListPaging {
  l: Localization;
  store: ThreadStore;
  adapter?: CommentAdapter;
  links: LinkOptions;
  now: number;
  collapseLength: number;
  replyingTo: string | null;
  /** The viewer is a moderator or the owner: every comment offers the moderation tools. */
  moderator: boolean;
  actions?: ListActions;
  keeper?: Safekeeping;
  /**
   * Moves when anything but `touch`ed comments changed: every comment's template renders anew.
   * Otherwise a comment's subtree renders only when its node's `revision` moved.
   */
  revision: number;
  /** The reader's own comments: always shown. */
  posted: Set<string>;
  renderForm(node: CommentNode): TemplateResult;
  showMore(key: string): void;
  loadMore(key: string, load: () => Promise<void>): Promise<void>;
  /** Resolves once the thread rendered what changed. */
  rendered(): Promise<unknown>;
}

// A shared empty value: a fresh [] in a binding is a new value on every render, which would
// re-render every comment-item whenever the thread renders, e.g. on each clock tick.
const noReactions: readonly string[] = Object.freeze([]);
const itemExportParts = commentItemParts.join(', ');

function visible(view: ListView, key: string, nodes: CommentNode[], flat: boolean): { shown: CommentNode[]; hidden: number } {
  return pageOf(flat ? inReadingOrder(nodes) : nodes, view.shownCount.get(key) ?? view.pageSize, view.posted);
}

/**
 * Shows (or loads) more of a list, then moves the focus to the first comment that appeared: the
 * button the reader pressed is gone or has moved below them, and keyboard and screen reader users
 * go on reading where the new comments begin.
 */
async function showMoreAndFocus(view: ListView, key: string, before: number, list: () => Element | null | undefined, load?: () => Promise<void>): Promise<void> {
  if (load) await view.loadMore(key, load);
  else view.showMore(key);
  await view.rendered();
  await focusComment(list()?.querySelectorAll<CommentItemShape>(':scope > li > comment-item')[before]);
}

/** "Show N more replies": `hidden` already loaded but not shown yet, then what the adapter has. */
function renderMoreReplies(view: ListView, node: CommentNode, shown: number, hidden: number): TemplateResult | typeof nothing {
  const { l, store } = view;
  const missing = hidden + store.missingReplies(node);
  if (!missing) return nothing;
  const { msg } = l;
  const label = shown ? moreRepliesLabel(l, missing) : repliesLabel(l, missing);
  const loading = store.isLoadingReplies(node.comment.id);
  return html`<button part="more-replies" type="button" ?disabled=${loading} aria-busy=${loading}
    @click=${(event: Event) => {
      const li = (event.currentTarget as Element).closest('li');
      const id = node.comment.id;
      showMoreAndFocus(view, id, shown, () => li?.querySelector(':scope > ol'), hidden ? undefined : () => store.loadReplies(id));
    }}>${loading ? msg('Loading…', { id: 'thread.loading-more' }) : label}</button>`;
}

/**
 * A comment with its replies. Replies as deep as `max-depth` get a flat list of the whole rest of
 * their subtree in reading order, so the DOM (and the render's recursion) is never deeper than
 * that, whatever the data: a 10,000-deep chain is 5 lists deep.
 */
function renderNode(view: ListView, node: CommentNode, flat: boolean): TemplateResult {
  const { l, adapter, actions, links } = view;
  const comment = node.comment;
  const depth = node.depth + 1;
  const replies = visible(view, comment.id, flat ? [] : node.children, depth >= view.depthCap);
  const open = view.replyingTo === comment.id;
  return html`<li part="list-item">
    ${actions?.renderEditForm(l, comment, links) ??
      html`<comment-item exportparts=${itemExportParts} .comment=${comment} .number=${node.number} .localization=${l}
        .now=${view.now} .links=${links} .collapseLength=${view.collapseLength} .delivery=${view.keeper?.deliveries.of(comment.id)} ?orphan=${node.orphan} ?reply-open=${open} ?busy=${!!actions?.isBusy(comment.id)}
        ?can-edit=${!!adapter?.edit && comment.can?.edit === true} ?can-delete=${!!adapter?.delete && comment.can?.delete === true}
        ?can-moderate=${view.moderator && !!adapter?.moderate}
        .reactions=${(adapter?.react && adapter.reactions) || noReactions}></comment-item>`}
    ${actions?.renderActionError(l, comment.id)}
    ${open ? html`<div part="reply-form">${view.renderForm(node)}</div>` : nothing}
    ${replies.shown.length ? renderList(view, replies.shown, depth, depth >= view.depthCap) : nothing}
    ${renderMoreReplies(view, node, replies.shown.length, replies.hidden)}
  </li>`;
}

function renderLoadMore(view: ListView, shown: number, hidden: number): TemplateResult | typeof nothing {
  const { l, store } = view;
  const { msg } = l;
  const failed = store.moreError;
  const more = hidden > 0 || store.nextCursor !== null;
  return html`${failed
      ? html`<div part="error" role="alert">
          <span>${msg('More comments could not be loaded.', { id: 'thread.error.more' })} ${errorMessage(l, failed)}</span>
        </div>`
      : nothing}
    ${more
      ? html`<button part="load-more" type="button" ?disabled=${store.loadingMore} aria-busy=${store.loadingMore}
          @click=${(event: Event) => {
            const root = (event.currentTarget as Element).parentNode;
            showMoreAndFocus(view, '', shown, () => root?.querySelector('ol[part="list"]'), hidden ? undefined : () => store.loadMore());
          }}>
          ${store.loadingMore ? msg('Loading…', { id: 'thread.loading-more' }) : msg('Load more comments', { id: 'thread.load-more' })}
        </button>`
      : nothing}`;
}

// From this many comments on, what is far off screen is not rendered (content-visibility, see
// list.styles.ts): below it there is nothing to win, and full-page captures show every comment.
const longThread = 50;

function renderList(view: ListView, nodes: CommentNode[], depth: number, flat: boolean): TemplateResult {
  return html`<ol part=${depth === 0 ? 'list' : 'replies'} role="list" class=${depth === 0 && view.store.tree.size >= longThread ? 'long' : ''}>
    ${repeat(nodes, (node) => node.key, (node) => guard([view.revision, node.revision], () => renderNode(view, node, flat)))}
  </ol>`;
}

/** The top-level list with "Load more comments" (and why more could not be loaded). */
export function renderComments(view: ListView): TemplateResult {
  const flat = view.depthCap === 0;
  allotReplies(view, view.store.tree.roots);
  const roots = visible(view, '', view.store.tree.roots, flat);
  return html`${renderList(view, roots.shown, 0, flat)}${renderLoadMore(view, roots.shown.length, roots.hidden)}`;
}
