import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { mount } from '../support/mount.js';
import { watchLang } from '../../src/i18n/lang-observer.js';


/** Lets pending MutationObserver callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A host element with an open shadow root holding `inner`. */
function shadowWith(inner: Element): HTMLElement {
  const host = document.createElement('div');
  host.attachShadow({ mode: 'open' }).append(inner);
  return host;
}

describe('watchLang', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
  });

  function watch(element: Element): { calls: () => number; stop: () => void } {
    let calls = 0;
    const stop = watchLang(element, () => calls++);
    stops.push(stop);
    return { calls: () => calls, stop };
  }

  it('calls back when an ancestor’s lang changes', async () => {
    const el = mount(html`<div lang="en"><section><span></span></section></div>`);
    const watcher = watch(el.querySelector('span')!);
    el.setAttribute('lang', 'sw');
    await settle();
    expect(watcher.calls()).to.equal(1);
    el.querySelector('section')!.setAttribute('lang', 'hi');
    await settle();
    expect(watcher.calls()).to.equal(2);
    el.removeAttribute('lang');
    await settle();
    expect(watcher.calls()).to.equal(3);
  });

  it('calls back when the element’s own lang changes', async () => {
    const el = mount(html`<div><span></span></div>`);
    const span = el.querySelector('span')!;
    const watcher = watch(span);
    span.lang = 'sw';
    await settle();
    expect(watcher.calls()).to.equal(1);
  });

  it('does not call back for other attributes', async () => {
    const el = mount(html`<div lang="en"><span></span></div>`);
    const watcher = watch(el.querySelector('span')!);
    el.setAttribute('title', 'x');
    el.querySelector('span')!.className = 'y';
    await settle();
    expect(watcher.calls()).to.equal(0);
  });

  it('calls back when an ancestor changes dir (it decides the layout direction)', async () => {
    const el = mount(html`<div lang="ar"><span></span></div>`);
    const watcher = watch(el.querySelector('span')!);
    el.setAttribute('dir', 'ltr');
    await settle();
    expect(watcher.calls()).to.equal(1);
  });

  it('calls back when an ancestor of its shadow host changes lang', async () => {
    const inner = document.createElement('span');
    const wrapper = mount(html`<div lang="en"></div>`);
    wrapper.append(shadowWith(inner));
    const watcher = watch(inner);
    wrapper.setAttribute('lang', 'hi');
    await settle();
    expect(watcher.calls()).to.equal(1);
  });

  it('calls back for lang changes inside its shadow root and on the host', async () => {
    const inner = document.createElement('span');
    const middle = document.createElement('p');
    middle.append(inner);
    const host = shadowWith(middle);
    const wrapper = mount(html`<div></div>`);
    wrapper.append(host);
    const watcher = watch(inner);
    middle.setAttribute('lang', 'sw');
    await settle();
    expect(watcher.calls()).to.equal(1);
    host.setAttribute('lang', 'hi');
    await settle();
    expect(watcher.calls()).to.equal(2);
  });

  it('crosses nested shadow roots up to the document', async () => {
    const inner = document.createElement('span');
    const wrapper = mount(html`<div lang="en"></div>`);
    wrapper.append(shadowWith(shadowWith(inner)));
    const watcher = watch(inner);
    wrapper.setAttribute('lang', 'sw');
    await settle();
    expect(watcher.calls()).to.equal(1);
  });

  it('stops calling back once stopped', async () => {
    const inner = document.createElement('span');
    const wrapper = mount(html`<div lang="en"></div>`);
    wrapper.append(shadowWith(inner));
    const watcher = watch(inner);
    watcher.stop();
    wrapper.setAttribute('lang', 'sw');
    inner.setAttribute('lang', 'hi');
    await settle();
    expect(watcher.calls()).to.equal(0);
  });

  it('keeps other listeners on the same root when one stops', async () => {
    const el = mount(html`<div lang="en"><span></span><b></b></div>`);
    const first = watch(el.querySelector('span')!);
    const second = watch(el.querySelector('b')!);
    el.setAttribute('lang', 'sw');
    await settle();
    expect([first.calls(), second.calls()]).to.deep.equal([1, 1]);

    first.stop();
    el.setAttribute('lang', 'hi');
    await settle();
    expect([first.calls(), second.calls()]).to.deep.equal([1, 2]);

    second.stop();
    el.setAttribute('lang', 'en');
    await settle();
    expect([first.calls(), second.calls()]).to.deep.equal([1, 2]);
  });

  it('watches again after every listener of a root stopped', async () => {
    const el = mount(html`<div lang="en"><span></span></div>`);
    watch(el.querySelector('span')!).stop();
    const again = watch(el.querySelector('span')!);
    el.setAttribute('lang', 'sw');
    await settle();
    expect(again.calls()).to.equal(1);
  });

  it('tolerates being stopped twice', async () => {
    const el = mount(html`<div lang="en"><span></span></div>`);
    const once = watch(el.querySelector('span')!);
    const other = watch(el.querySelector('span')!);
    once.stop();
    once.stop();
    el.setAttribute('lang', 'sw');
    await settle();
    expect(other.calls()).to.equal(1);
  });
});
