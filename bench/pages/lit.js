// Variant 2: the plain lit-html baseline. One `render()` of a template that uses `repeat()` for
// each list, producing the DOM maoni produces (nested ol/li, article, avatar initials, author,
// time, paragraphs with mentions, a Reply button, the form), in light DOM, without components.
// lit-html comes from node_modules in its production build: run.mjs passes the files that
// lit-html's package.json exports for browsers without the "development" condition.
import { installBench, params, replyBody, replyName } from './harness.js';
import { buildTree, initials, localization, parseBody } from './text.js';

const { html, render, nothing } = await import(params.get('lit') ?? '../../node_modules/lit-html/lit-html.js');
const { repeat } = await import(params.get('repeat') ?? '../../node_modules/lit-html/directives/repeat.js');

const app = document.getElementById('app');
let comments;
let tree;
// Created when the thread first renders, as maoni creates its formatters when the thread connects:
// the first Intl formatters of a page cost a few ms (ICU data), for every variant alike.
let l;
let now;
let replyingTo = null;
let created = 0;

function onSubmit(event, parent) {
  event.preventDefault();
  const form = event.currentTarget;
  const body = form.elements.body.value.trim();
  const name = form.elements.name.value.trim();
  if (!body || !name) return;
  comments.push({
    id: `new${++created}`,
    parentId: parent ? parent.comment.id : null,
    author: { name },
    body,
    createdAt: new Date().toISOString(),
    replyCount: 0,
  });
  if (parent) parent.comment.replyCount++;
  tree = buildTree(comments);
  if (parent) replyingTo = null;
  else form.reset();
  update();
}

const formTemplate = (parent) => html`<form class="form" novalidate @submit=${(event) => onSubmit(event, parent)}>
  <label class="field">
    <span class="label">${parent ? l.s.replyTo(parent.comment.author.name) : l.s.yourComment}</span>
    <textarea class="textarea" name="body" required></textarea>
  </label>
  <label class="field">
    <span class="label">${l.s.name}</span>
    <input class="name-input" name="name" type="text" autocomplete="name" required />
  </label>
  <p class="error" role="alert" hidden></p>
  <div class="buttons">
    <button class="submit" type="submit">${l.s.submit}</button>
    ${parent ? html`<button class="cancel" type="button">Cancel</button>` : nothing}
    <span class="hint">${l.s.hint}</span>
  </div>
</form>`;

const paragraphTemplate = (paragraph) =>
  html`<p class="paragraph" dir="auto">${paragraph.map((inline) => (inline.kind === 'mention' ? html`<span class="mention">@${inline.name}</span>` : inline.text))}</p>`;

function itemTemplate(node) {
  const comment = node.comment;
  const name = comment.author.name.trim() || 'Anonymous';
  const date = new Date(comment.createdAt);
  const number = l.number(node.number);
  return html`<li class="list-item">
    <article class="comment" aria-label=${l.s.label(number, name)}>
      <span class="avatar" aria-hidden="true">${initials(name, l.locale)}</span>
      <div class="meta">
        <span class="number">${number}</span>
        <span class="author" dir="auto">${name}</span>
        <time class="date" datetime=${date.toISOString()} title=${l.fullDate(date)}>${l.dateText(date, now)}</time>
      </div>
      <div class="body">${parseBody(comment.body).map(paragraphTemplate)}</div>
      <div class="actions">
        <button class="reply-button" type="button" aria-expanded=${replyingTo === comment.id ? 'true' : 'false'}
          aria-describedby=${`rc-${comment.id}`} @click=${() => openReply(comment.id)}>${l.s.reply}</button>
        <span id=${`rc-${comment.id}`} hidden>${l.s.replyTo(name)}</span>
      </div>
    </article>
    ${replyingTo === comment.id ? html`<div class="reply-form">${formTemplate(node)}</div>` : nothing}
    ${node.children.length ? listTemplate(node.children, node.depth + 1) : nothing}
  </li>`;
}

const listTemplate = (nodes, depth) =>
  html`<ol class=${depth === 0 ? 'list' : 'replies'} role="list">${repeat(nodes, (node) => node.comment.id, itemTemplate)}</ol>`;

const threadTemplate = () => html`<section class="thread" lang=${l.locale} dir="ltr" aria-labelledby="heading">
  <div class="header"><h2 class="heading" id="heading">${l.heading(tree.size)}</h2></div>
  ${listTemplate(tree.roots, 0)}
  <div class="form-section">
    <h3 class="form-heading">${l.s.formHeading}</h3>
    ${formTemplate(null)}
  </div>
</section>`;

function update() {
  render(threadTemplate(), app);
}

function openReply(id) {
  replyingTo = replyingTo === id ? null : id;
  update();
}

const replyForm = () => app.querySelector('.reply-form form');

installBench('lit', {
  async setup(data) {
    comments = data;
  },
  async render() {
    l = localization('en');
    now = Date.now();
    tree = buildTree(comments);
    update();
  },
  mounted() {
    return app.querySelectorAll('article').length;
  },
  async preparePost(targetId) {
    openReply(targetId);
    const form = replyForm();
    form.elements.body.value = replyBody;
    form.elements.name.value = replyName;
  },
  async post() {
    replyForm().querySelector('.submit').click();
  },
  checkPost(targetId) {
    const article = [...app.querySelectorAll('article')].find((element) => element.textContent.includes('matches what we measured'));
    const parent = article?.closest('li')?.parentElement?.closest('li')?.querySelector(':scope > article');
    return !!parent && parent.querySelector('.reply-button').getAttribute('aria-describedby') === `rc-${targetId}` && !replyForm();
  },
  async preloadLocale() {
    localization('sw');
  },
  async switchLocale() {
    l = localization('sw');
    update();
  },
  checkLocale() {
    return app.querySelector('.reply-button').textContent.trim() === 'Jibu';
  },
});
