import { expect } from '@open-wc/testing';
import { safeUrl } from '../../src/core/url.js';

describe('safeUrl', () => {
  describe('allowed schemes', () => {
    it('accepts https, http and mailto and returns the normalized href', () => {
      expect(safeUrl('https://example.com')).to.equal('https://example.com/');
      expect(safeUrl('HTTPS://Example.COM/a/../b?q=1#x')).to.equal('https://example.com/b?q=1#x');
      expect(safeUrl('http://example.com/path')).to.equal('http://example.com/path');
      expect(safeUrl('mailto:nick@example.com')).to.equal('mailto:nick@example.com');
    });

    it('trims surrounding whitespace and control characters', () => {
      expect(safeUrl('  https://example.com/  ')).to.equal('https://example.com/');
      expect(safeUrl('\u0000\u00a0\ufeffhttps://example.com/\u3000')).to.equal('https://example.com/');
    });

    it('keeps an ordinary query string intact (named references need their semicolon)', () => {
      expect(safeUrl('https://example.com/profile?page=1&tab=posts')).to.equal('https://example.com/profile?page=1&tab=posts');
      expect(safeUrl('https://example.com/?a=1&lt=2&colon=3')).to.equal('https://example.com/?a=1&lt=2&colon=3');
    });

    it('decodes character references a backend may have stored', () => {
      expect(safeUrl('https://example.com/?a=1&amp;b=2')).to.equal('https://example.com/?a=1&b=2');
      expect(safeUrl('&#x68;ttps://example.com/')).to.equal('https://example.com/');
    });

    it('percent-encodes inner spaces instead of dropping them', () => {
      expect(safeUrl('https://example.com/my page')).to.equal('https://example.com/my%20page');
    });
  });

  describe('javascript: in every spelling', () => {
    const spellings: Record<string, string> = {
      plain: 'javascript:alert(1)',
      'tab inside': 'java\tscript:alert(1)',
      'newline inside': 'java\nscript:alert(1)',
      'carriage return inside': 'java\rscript:alert(1)',
      'leading space, upper case': ' JAVASCRIPT:alert(1)',
      'mixed case': 'JaVaScRiPt:alert(1)',
      'leading NUL': '\u0000javascript:alert(1)',
      'leading control characters': '\u0001\u001f\u007fjavascript:alert(1)',
      'hex reference': '&#x6A;avascript:alert(1)',
      'hex reference, upper X': '&#X6A;avascript:alert(1)',
      'decimal reference': '&#106;avascript:alert(1)',
      'decimal reference without semicolon': '&#106avascript:alert(1)',
      'padded decimal reference': '&#0000106;avascript:alert(1)',
      'named colon': 'javascript&colon;alert(1)',
      'named colon, upper case': 'javascript&COLON;alert(1)',
      'tab reference inside': 'jav&#x09;ascript:alert(1)',
      'named tab inside': 'jav&tab;ascript:alert(1)',
      'NUL reference inside': 'java&#0;script:alert(1)',
      'all references': '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
    };
    for (const [name, raw] of Object.entries(spellings)) {
      it(`rejects ${name}`, () => {
        expect(safeUrl(raw)).to.equal(null);
        expect(safeUrl(raw, { allowRelative: true })).to.equal(null);
        expect(safeUrl(raw, { image: true })).to.equal(null);
      });
    }

    it('never turns an invisible character inside the scheme into a javascript: URL', () => {
      expect(safeUrl('java\u200bscript:alert(1)')).to.equal(null);
      // As a relative URL it stays on the page's own origin, never a javascript: URL.
      const relative = safeUrl('java\u200bscript:alert(1)', { allowRelative: true });
      expect(relative).to.be.a('string');
      expect(new URL(relative!).origin).to.equal(location.origin);
    });
  });

  describe('other rejected schemes', () => {
    for (const raw of [
      'data:text/html,<script>alert(1)</script>',
      'data:image/png;base64,iVBORw0KGgo=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.com/file',
      'blob:https://example.com/uuid',
      'about:blank',
    ]) {
      it(`rejects ${raw.slice(0, 30)}`, () => {
        expect(safeUrl(raw)).to.equal(null);
        expect(safeUrl(raw, { allowRelative: true })).to.equal(null);
      });
    }
  });

  describe('relative URLs', () => {
    it('rejects relative URLs by default', () => {
      expect(safeUrl('/profile/nick')).to.equal(null);
      expect(safeUrl('profile/nick')).to.equal(null);
      expect(safeUrl('?q=1')).to.equal(null);
      expect(safeUrl('#top')).to.equal(null);
    });

    it('resolves relative URLs against the page when allowed', () => {
      expect(safeUrl('/profile/nick', { allowRelative: true })).to.equal(new URL('/profile/nick', document.baseURI).href);
      expect(safeUrl('profile/nick', { allowRelative: true })).to.equal(new URL('profile/nick', document.baseURI).href);
    });

    it('rejects protocol-relative URLs, even when relative URLs are allowed', () => {
      for (const raw of ['//evil.example', '//evil.example/path', ' //evil.example', '\\\\evil.example', '/\\evil.example', '\\/evil.example', '/\t/evil.example']) {
        expect(safeUrl(raw), raw).to.equal(null);
        expect(safeUrl(raw, { allowRelative: true }), raw).to.equal(null);
      }
    });
  });

  describe('image policy', () => {
    it('refuses mailto: for images but keeps http and https', () => {
      expect(safeUrl('mailto:nick@example.com', { image: true })).to.equal(null);
      expect(safeUrl('https://example.com/a.png', { image: true })).to.equal('https://example.com/a.png');
      expect(safeUrl('http://example.com/a.png', { image: true })).to.equal('http://example.com/a.png');
    });

    it('refuses data: images', () => {
      expect(safeUrl('data:image/svg+xml,<svg onload="alert(1)"/>', { image: true })).to.equal(null);
    });
  });

  describe('bad input', () => {
    it('rejects non-strings without throwing', () => {
      for (const raw of [undefined, null, 42, true, {}, [], ['https://example.com'], new URL('https://example.com'), Symbol('x')]) {
        expect(safeUrl(raw)).to.equal(null);
      }
    });

    it('rejects empty and whitespace-only strings', () => {
      expect(safeUrl('')).to.equal(null);
      expect(safeUrl('   \t\n')).to.equal(null);
      expect(safeUrl('   ', { allowRelative: true })).to.equal(null);
    });

    it('rejects overly long strings but accepts one at the limit', () => {
      const prefix = 'https://example.com/';
      const atLimit = prefix + 'a'.repeat(4096 - prefix.length);
      expect(safeUrl(atLimit)).to.equal(atLimit);
      expect(safeUrl(atLimit + 'a')).to.equal(null);
      expect(safeUrl(prefix + 'a'.repeat(100_000))).to.equal(null);
    });

    it('rejects unparseable URLs without throwing', () => {
      expect(safeUrl('https://')).to.equal(null);
      expect(safeUrl('https://[::1')).to.equal(null);
    });
  });
});
