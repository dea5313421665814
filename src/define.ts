/**
 * Registers maoni's elements. The only module with side effects. Each tag is defined only if the
 * page has not defined it yet, so loading the widget twice is harmless.
 */
import { CommentCount } from './components/comment-count/comment-count.js';
import { CommentForm } from './components/comment-form/comment-form.js';
import { CommentItem } from './components/comment-item/comment-item.js';
import { CommentThread } from './components/comment-thread/comment-thread.js';

const elements: ReadonlyArray<[string, CustomElementConstructor]> = [
  ['comment-item', CommentItem],
  ['comment-form', CommentForm],
  ['comment-thread', CommentThread],
  ['comment-count', CommentCount],
];

for (const [tag, element] of elements) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
