/**
 * Shared by the XSS suite and the fuzzer: traps for anything a payload could run, a walker that
 * goes through every open shadow root, the invariants rendered comments must keep, and a clicker
 * that presses every link and button.
 */

declare global {
  interface Window {
    /** Called by payloads that run; trapped by {@link installTraps}. */
    __xss?: (...args: unknown[]) => void;
  }
}

// ---- Traps -----------------------------------------------------------------------------------

export interface Traps {
  /** `alert(1)`, `window.__xss(1)`, a navigation to a `javascript:` link…: everything that must never happen. */
  readonly calls: string[];
  /** Uncaught errors and unhandled rejections: rendering must never throw. */
  readonly errors: string[];
  /** Forgets what was recorded (between batches). */
  reset(): void;
  /** Puts the page's own functions back. */
  uninstall(): void;
}

const trapped = ['alert', 'confirm', 'prompt', 'print', 'open'] as const;

/** Protocols a link may navigate to: anything else is recorded as a call, and allowed to proceed. */
const navigable: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

function protocolOf(url: string): string | null {
  try {
    return new URL(url, location.href).protocol;
  } catch {
    return null;
  }
}

function short(value: unknown): string {
  const textValue = typeof value === 'string' ? value : String(value);
  return JSON.stringify(textValue.length > 200 ? `${textValue.slice(0, 200)}…` : textValue);
}

/**
 * Replaces `alert`, `confirm`, `prompt`, `print` and `open` and defines `window.__xss`, all
 * recording their calls; records uncaught errors; and, in the capture phase of every click, keeps
 * links to `http:`, `https:` and `mailto:` from navigating the test page while recording (and
 * letting through) a click on any other link, so a `javascript:` link that slipped through runs
 * and is caught.
 */
export function installTraps(): Traps {
  const calls: string[] = [];
  const errors: string[] = [];
  const originals = new Map<string, unknown>();
  const target = window as unknown as Record<string, unknown>;
  for (const name of trapped) {
    originals.set(name, target[name]);
    target[name] = (...args: unknown[]) => {
      calls.push(`${name}(${args.map(short).join(', ')})`);
      return name === 'confirm' ? false : name === 'prompt' ? null : undefined;
    };
  }
  window.__xss = (...args: unknown[]) => void calls.push(`__xss(${args.map(short).join(', ')})`);

  const onClick = (event: MouseEvent) => {
    const link = event.composedPath().find((node): node is HTMLAnchorElement | SVGAElement => node instanceof Element && node.localName === 'a');
    const href = link?.getAttribute('href') ?? link?.getAttribute('xlink:href');
    if (!link || href == null) return;
    const protocol = protocolOf(href);
    if (protocol && navigable.has(protocol)) event.preventDefault();
    else calls.push(`navigation to ${short(href)}`);
  };
  const onSubmit = (event: SubmitEvent) => {
    const form = event.composedPath()[0] as HTMLFormElement;
    const action = event.submitter?.getAttribute('formaction') ?? form.getAttribute('action');
    if (action !== null && action !== undefined) calls.push(`form submission to ${short(action)}`);
  };
  const onError = (event: ErrorEvent) => void errors.push(`uncaught: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => void errors.push(`unhandled rejection: ${String(event.reason)}`);
  window.addEventListener('click', onClick, true);
  window.addEventListener('submit', onSubmit, true);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);

  return {
    calls,
    errors,
    reset() {
      calls.length = 0;
      errors.length = 0;
    },
    uninstall() {
      for (const [name, original] of originals) target[name] = original;
      delete window.__xss;
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('submit', onSubmit, true);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

// ---- Walking ---------------------------------------------------------------------------------

/** Every element under `root` (not `root` itself), through every open shadow root, in tree order. */
export function deepElements(root: Element | ShadowRoot | DocumentFragment): Element[] {
  const found: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return found;
}

/** The shadow hosts an element sits in, innermost first. */
function hostsOf(el: Element): Element[] {
  const hosts: Element[] = [];
  for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) hosts.push(root.host);
  return hosts;
}

// ---- Invariants ------------------------------------------------------------------------------

/** Elements that must never be in a rendered comment, whoever wrote it. */
export const forbiddenTags: ReadonlySet<string> = new Set([
  'script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'meta', 'link', 'svg', 'math', 'applet',
  'style', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'listing', 'template', 'portal', 'fencedframe',
  'isindex', 'keygen', 'video', 'audio', 'source', 'param', 'image', 'marquee', 'title', 'body', 'html', 'head',
]);

/** Everything maoni's elements render (the thread, items, forms, capability UI and rich text). */
export const widgetTags: ReadonlySet<string> = new Set([
  'a', 'article', 'blockquote', 'br', 'button', 'code', 'comment-form', 'comment-item', 'div', 'em', 'form', 'h2', 'h3',
  'img', 'input', 'label', 'li', 'ol', 'option', 'p', 'pre', 'section', 'select', 'slot', 'span', 'strong', 'textarea',
  'time', 'ul',
]);

/** What rich-text.ts alone renders (a comment body, a preview). */
export const richTextTags: ReadonlySet<string> = new Set(['a', 'blockquote', 'br', 'code', 'em', 'li', 'ol', 'p', 'pre', 'span', 'strong', 'ul']);

/** Attributes that hold a URL something may navigate to or load. */
const urlAttributes: ReadonlySet<string> = new Set([
  'href', 'xlink:href', 'src', 'action', 'formaction', 'srcset', 'poster', 'background', 'data', 'ping', 'cite',
  'longdesc', 'lowsrc', 'dynsrc', 'codebase', 'manifest', 'icon', 'usemap', 'archive', 'classid', 'profile', 'srcdoc',
]);

/** URL attributes that load something (an image at most): only `http:` and `https:`. */
const loadingAttributes: ReadonlySet<string> = new Set(['src', 'srcset', 'poster', 'background', 'data', 'lowsrc', 'dynsrc']);

/** Attributes maoni never renders, whose presence means markup was injected. */
const forbiddenAttributes: ReadonlySet<string> = new Set(['style', 'srcdoc', 'formaction', 'action', 'xlink:href', 'ping', 'is']);

const linkTargets: ReadonlySet<string> = new Set(['_blank', '_self', '_parent', '_top']);

export interface InvariantOptions {
  /** The only tags that may appear; default {@link widgetTags}. */
  allowedTags?: ReadonlySet<string>;
  /** Hosts no rendered URL may point at (e.g. `offsite.invalid`, only ever written without a scheme). */
  forbiddenHosts?: readonly string[];
  /** Names the comment an element belongs to, for the report (called with each shadow host around it). */
  label?: (host: Element) => string | undefined;
}

function describe(el: Element): string {
  const attributes = [...el.attributes].map((attribute) => ` ${attribute.name}="${attribute.value.slice(0, 120)}"`).join('');
  return `<${el.localName}${attributes}>`;
}

/** Why a URL attribute's value is not allowed, or `null`. */
function urlProblem(name: string, value: string, forbiddenHosts: readonly string[]): string | null {
  const urls = name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]) : [value];
  const allowed = loadingAttributes.has(name) ? ['http:', 'https:'] : ['http:', 'https:', 'mailto:'];
  for (const url of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url, location.href);
    } catch {
      return `${name} does not parse as a URL`;
    }
    if (!allowed.includes(parsed.protocol)) return `${name} has the protocol ${parsed.protocol}`;
    // maoni renders only normalized absolute URLs (URL.href): never the text as written.
    if (!/^(https?:\/\/|mailto:)/.test(url) || url !== parsed.href) return `${name} is not a normalized absolute URL`;
    if (forbiddenHosts.some((host) => parsed.hostname === host || parsed.hostname.endsWith(`.${host}`))) {
      return `${name} points at ${parsed.hostname}`;
    }
  }
  return null;
}

/**
 * Every broken invariant under `root` (through every shadow root), as readable lines:
 *   - no script, iframe, object, embed, frame, base, meta, link, style, svg, math… and no tag maoni
 *     does not render itself;
 *   - no attribute named `on…`, no `style`, `srcdoc`, `formaction`, `xlink:href`; a form without `action`;
 *   - every URL attribute a normalized absolute `http:`/`https:`/`mailto:` URL (`src` and other
 *     loading attributes only `http:`/`https:`), none pointing at a forbidden host;
 *   - every link carries `rel="… noopener noreferrer …"` and a browsing-context keyword target.
 */
export function invariantViolations(root: Element | ShadowRoot | DocumentFragment, options: InvariantOptions = {}): string[] {
  const allowedTags = options.allowedTags ?? widgetTags;
  const forbiddenHosts = options.forbiddenHosts ?? [];
  const violations: string[] = [];
  for (const el of deepElements(root)) {
    const problems: string[] = [];
    const tag = el.localName;
    if (forbiddenTags.has(tag)) problems.push(`forbidden element <${tag}>`);
    else if (!allowedTags.has(tag)) problems.push(`unexpected element <${tag}>`);
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`element in namespace ${el.namespaceURI}`);
    for (const attribute of el.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`event handler attribute ${name}`);
      if (forbiddenAttributes.has(name)) problems.push(`forbidden attribute ${name}`);
      if (urlAttributes.has(name)) {
        const problem = urlProblem(name, attribute.value, forbiddenHosts);
        if (problem) problems.push(problem);
      }
    }
    if (tag === 'a' && el.hasAttribute('href')) {
      const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) problems.push('link without rel="noopener noreferrer"');
      const linkTarget = el.getAttribute('target');
      if (linkTarget !== null && !linkTargets.has(linkTarget)) problems.push(`link with target ${linkTarget}`);
    }
    if (problems.length) {
      const label = options.label && hostsOf(el).map(options.label).find((found) => found !== undefined);
      violations.push(`${label ? `${label}: ` : ''}${problems.join('; ')} in ${describe(el)}`);
    }
  }
  return violations;
}

// ---- Clicking --------------------------------------------------------------------------------

/**
 * Clicks every link and button under `root` (through every shadow root) that is not in `clicked`,
 * adding each to it. Returns how many were clicked. Links to allowed protocols are kept from
 * navigating by the traps' click listener.
 */
export function clickEverything(root: Element | ShadowRoot, clicked: WeakSet<Element> = new WeakSet()): number {
  let count = 0;
  for (const el of deepElements(root)) {
    if ((el.localName !== 'a' && el.localName !== 'button') || clicked.has(el)) continue;
    clicked.add(el);
    (el as HTMLElement).click();
    count++;
  }
  return count;
}

/** Resolves after `frames` animation frames, or a timeout should the page get none (a background tab). */
export async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 50);
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** At most `max` lines of a list, with how many were left out: failures stay readable. */
export function firstFew(lines: readonly string[], max = 15): string[] {
  return lines.length > max ? [...lines.slice(0, max), `… and ${lines.length - max} more`] : [...lines];
}
