/**
 * The widget on a page served with a strict Content-Security-Policy and Trusted Types enforced:
 * it renders, styles itself (constructable stylesheets, no inline style), and causes no violation.
 */
import { expect } from '@open-wc/testing';

interface CspReport {
  kind: 'csp-report';
  heading?: string;
  items: number;
  richText: number;
  images: number;
  links: (string | null)[];
  adoptedSheets: number;
  violations: string[];
}

function loadPage(): Promise<{ report: CspReport; frame: HTMLIFrameElement; xss: boolean }> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    let xss = false;
    const onMessage = (event: MessageEvent) => {
      if (event.data === 'xss') xss = true;
      if (event.data?.kind === 'csp-report') {
        window.removeEventListener('message', onMessage);
        // Give any late handler a moment to fire.
        setTimeout(() => resolve({ report: event.data, frame, xss }), 100);
      }
    };
    window.addEventListener('message', onMessage);
    setTimeout(() => reject(new Error('the CSP page did not report')), 8000);
    frame.src = '/test/security/csp-page.html';
    document.body.append(frame);
  });
}

describe('strict CSP and Trusted Types', function () {
  this.timeout(10000);

  it('is served with the strict policy', async () => {
    const response = await fetch('/test/security/csp-page.html');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).to.contain("script-src 'self'");
    expect(policy).to.contain("style-src 'self'");
    expect(policy).to.contain("require-trusted-types-for 'script'");
  });

  it('renders hostile content as text, and markdown as elements, with no CSP violation and no script run', async () => {
    const { report, frame, xss } = await loadPage();
    try {
      expect(report.violations).to.deep.equal([]);
      expect(xss).to.equal(false);
      expect(report.items).to.equal(3);
      expect(report.heading).to.equal('3 Maoni');
      expect(report.images).to.equal(0);
      expect(report.links).to.deep.equal(['https://example.com/b', 'https://example.com/docs']);
      // strong, em, code, pre (+ its code), blockquote, ul: the list chunk loaded and rendered under the policy.
      expect(report.richText).to.equal(7);
      expect(report.adoptedSheets).to.be.greaterThan(0);
    } finally {
      frame.remove();
    }
  });
});
