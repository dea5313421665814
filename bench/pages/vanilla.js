// Variant 3: the vanilla DOM baseline. createElement / textContent / setAttribute, the same DOM as
// the lit-html baseline, built into a detached section and inserted once. It keeps references to
// the nodes whose text depends on the locale or the comment's number, and updates those in place
// (a locale switch, a reply that renumbers the comments after it), as hand-written code would.
import { installBench, replyBody, replyName } from './harness.js';
import { buildTree, initials, localization, parseBody } from './text.js';

const app = document.getElementById('app');
let comments;
let tree;
// Created when the thread first renders, as maoni creates its formatters when the thread connects:
// the first Intl formatters of a page cost a few ms (ICU data), for every variant alike.
let l;
let now;
let created = 0;
let section;
let heading;
let replyFormBox = null;
/** Per comment id: the nodes to update later, and the number shown. */
const refs = new Map();
/** Locale-dependent nodes of the forms. */
const formTexts = [];

function el(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function buildForm(parent) {
  const form = el('form', 'form');
  form.noValidate = true;
  const field = (labelText, control) => {
    const label = el('label', 'field');
    const span = el('span', 'label', labelText);
    label.append(span, control);
    form.append(label);
    return span;
  };
  const textarea = el('textarea', 'textarea');
  textarea.name = 'body';
  textarea.required = true;
  const bodyLabel = field(parent ? l.s.replyTo(parent.comment.author.name) : l.s.yourComment, textarea);
  const input = el('input', 'name-input');
  input.name = 'name';
  input.type = 'text';
  input.autocomplete = 'name';
  input.required = true;
  const nameLabel = field(l.s.name, input);
  const error = el('p', 'error');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const buttons = el('div', 'buttons');
  const submit = el('button', 'submit', l.s.submit);
  submit.type = 'submit';
  buttons.append(submit);
  if (parent) {
    const cancel = el('button', 'cancel', 'Cancel');
    cancel.type = 'button';
    buttons.append(cancel);
  }
  const hint = el('span', 'hint', l.s.hint);
  buttons.append(hint);
  form.append(error, buttons);
  form.addEventListener('submit', (event) => onSubmit(event, parent));
  if (!parent) formTexts.push({ bodyLabel, nameLabel, submit, hint });
  return form;
}

function buildItem(node) {
  const comment = node.comment;
  const name = comment.author.name.trim() || 'Anonymous';
  const date = new Date(comment.createdAt);
  const number = l.number(node.number);
  const li = el('li', 'list-item');
  const article = el('article', 'comment');
  article.setAttribute('aria-label', l.s.label(number, name));
  const avatar = el('span', 'avatar', initials(name, l.locale));
  avatar.setAttribute('aria-hidden', 'true');
  const meta = el('div', 'meta');
  const numberEl = el('span', 'number', number);
  const author = el('span', 'author', name);
  author.dir = 'auto';
  const time = el('time', 'date', l.dateText(date, now));
  time.setAttribute('datetime', date.toISOString());
  time.title = l.fullDate(date);
  meta.append(numberEl, ' ', author, ' ', time);
  const body = el('div', 'body');
  for (const paragraph of parseBody(comment.body)) {
    const p = el('p', 'paragraph');
    p.dir = 'auto';
    for (const inline of paragraph) p.append(inline.kind === 'mention' ? el('span', 'mention', `@${inline.name}`) : inline.text);
    body.append(p);
  }
  const actions = el('div', 'actions');
  const reply = el('button', 'reply-button', l.s.reply);
  reply.type = 'button';
  reply.setAttribute('aria-expanded', 'false');
  reply.setAttribute('aria-describedby', `rc-${comment.id}`);
  reply.addEventListener('click', () => openReply(comment.id));
  const context = el('span', undefined, l.s.replyTo(name));
  context.id = `rc-${comment.id}`;
  context.hidden = true;
  actions.append(reply, context);
  article.append(avatar, meta, body, actions);
  li.append(article);
  if (node.children.length) li.append(buildList(node.children, node.depth + 1));
  refs.set(comment.id, { li, article, avatar, numberEl, time, reply, context, name, date, number: node.number });
  return li;
}

function buildList(nodes, depth) {
  const ol = el('ol', depth === 0 ? 'list' : 'replies');
  ol.setAttribute('role', 'list');
  for (const node of nodes) ol.append(buildItem(node));
  return ol;
}

function buildThread() {
  section = el('section', 'thread');
  section.lang = l.locale;
  section.dir = 'ltr';
  section.setAttribute('aria-labelledby', 'heading');
  const header = el('div', 'header');
  heading = el('h2', 'heading', l.heading(tree.size));
  heading.id = 'heading';
  header.append(heading);
  const formSection = el('div', 'form-section');
  const formHeading = el('h3', 'form-heading', l.s.formHeading);
  formTexts.push({ formHeading });
  formSection.append(formHeading, buildForm(null));
  section.append(header, buildList(tree.roots, 0), formSection);
  return section;
}

/** Shows the numbers of the current tree where they changed (a reply renumbers what follows). */
function renumber() {
  for (const node of tree.byId.values()) {
    const ref = refs.get(node.comment.id);
    if (!ref || ref.number === node.number) continue;
    ref.number = node.number;
    const number = l.number(node.number);
    ref.numberEl.textContent = number;
    ref.article.setAttribute('aria-label', l.s.label(number, ref.name));
  }
}

function closeReply() {
  if (!replyFormBox) return;
  const reply = replyFormBox.previousElementSibling.querySelector('.reply-button');
  reply.setAttribute('aria-expanded', 'false');
  replyFormBox.remove();
  replyFormBox = null;
}

function openReply(id) {
  closeReply();
  const ref = refs.get(id);
  ref.reply.setAttribute('aria-expanded', 'true');
  replyFormBox = el('div', 'reply-form');
  replyFormBox.append(buildForm(tree.byId.get(id)));
  ref.article.after(replyFormBox);
}

function onSubmit(event, parent) {
  event.preventDefault();
  const form = event.currentTarget;
  const body = form.elements.body.value.trim();
  const name = form.elements.name.value.trim();
  if (!body || !name) return;
  const comment = {
    id: `new${++created}`,
    parentId: parent ? parent.comment.id : null,
    author: { name },
    body,
    createdAt: new Date().toISOString(),
    replyCount: 0,
  };
  comments.push(comment);
  if (parent) parent.comment.replyCount++;
  tree = buildTree(comments);
  const node = tree.byId.get(comment.id);
  const li = buildItem(node);
  if (parent) {
    const parentLi = refs.get(parent.comment.id).li;
    let replies = parentLi.querySelector(':scope > ol');
    if (!replies) {
      replies = el('ol', 'replies');
      replies.setAttribute('role', 'list');
      parentLi.append(replies);
    }
    replies.append(li);
    closeReply();
  } else {
    section.querySelector(':scope > ol').append(li);
    form.reset();
  }
  renumber();
  heading.textContent = l.heading(tree.size);
}

installBench('vanilla', {
  async setup(data) {
    comments = data;
  },
  async render() {
    l = localization('en');
    now = Date.now();
    tree = buildTree(comments);
    app.append(buildThread());
  },
  mounted() {
    return app.querySelectorAll('article').length;
  },
  async preparePost(targetId) {
    openReply(targetId);
    const form = replyFormBox.querySelector('form');
    form.elements.body.value = replyBody;
    form.elements.name.value = replyName;
  },
  async post() {
    replyFormBox.querySelector('.submit').click();
  },
  checkPost(targetId) {
    const article = [...app.querySelectorAll('article')].find((element) => element.textContent.includes('matches what we measured'));
    const parent = article?.closest('li')?.parentElement?.closest('li')?.querySelector(':scope > article');
    return !!parent && parent === refs.get(targetId).article && !replyFormBox;
  },
  async preloadLocale() {
    localization('sw');
  },
  async switchLocale() {
    l = localization('sw');
    section.lang = l.locale;
    heading.textContent = l.heading(tree.size);
    for (const ref of refs.values()) {
      const number = l.number(ref.number);
      ref.article.setAttribute('aria-label', l.s.label(number, ref.name));
      ref.avatar.textContent = initials(ref.name, l.locale);
      ref.numberEl.textContent = number;
      ref.time.textContent = l.dateText(ref.date, now);
      ref.time.title = l.fullDate(ref.date);
      ref.reply.textContent = l.s.reply;
      ref.context.textContent = l.s.replyTo(ref.name);
    }
    for (const texts of formTexts) {
      if (texts.formHeading) texts.formHeading.textContent = l.s.formHeading;
      if (texts.bodyLabel) {
        texts.bodyLabel.textContent = l.s.yourComment;
        texts.nameLabel.textContent = l.s.name;
        texts.submit.textContent = l.s.submit;
        texts.hint.textContent = l.s.hint;
      }
    }
  },
  checkLocale() {
    return app.querySelector('.reply-button').textContent.trim() === 'Jibu';
  },
});
