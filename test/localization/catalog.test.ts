/**
 * The translation catalog: every message id exists in every shipped locale, nothing is silently
 * English, and every plural category a locale uses has its own translated message. Each generated
 * locale module comes in three parts (xliff/split-locales.mjs): the widget's base and more parts and
 * the moderation page's admin part; together they hold the whole catalog.
 */
import { expect } from '@open-wc/testing';
import type { TemplateMap } from '@lit/localize/internal/types.js';
import { loadLocale, loadMoreMessages, shippedLocales, sourceLocale } from '../../src/i18n/locales.js';
import { Localization } from '../../src/i18n/localization.js';
import { countHeading } from '../../src/i18n/list-labels.js';
import { loadAdminLocalization } from '../../src/i18n/admin-locales.js';
import { pendingLabel, selectedLabel } from '../../src/components/comment-moderation/moderation-labels.js';

const targetLocales = shippedLocales.filter((locale) => locale !== sourceLocale);

/**
 * Where a translation may equal the English source: the word really is the same in that
 * language. Everything else identical to English is an untranslated string.
 */
const sameAsEnglish: Record<string, readonly string[]> = {
  // Indonesian uses the English word (as Facebook and Instagram do), matching "diedit".
  // "Spam", "Email" and "Moderator" are the words WordPress and Gmail use in these languages too.
  id: ['comment.edit', 'comment.spam', 'comment.moderation.spam', 'admin.status.spam', 'admin.sign-in.email', 'admin.log.who'],
  de: ['form.label.name', 'comment.spam', 'comment.moderation.spam', 'comment.moderation', 'admin.status.spam', 'admin.title'],
  es: ['comment.spam', 'admin.status.spam'],
  'pt-BR': ['comment.spam', 'admin.status.spam'],
};

/** Message ids and source texts, read from a locale's xliff file (served by the test runner). */
async function catalog(locale: string): Promise<Map<string, { source: string; target: string | null }>> {
  const response = await fetch(`/xliff/${locale}.xlf`);
  expect(response.ok, `xliff/${locale}.xlf is missing`).to.equal(true);
  const xml = new DOMParser().parseFromString(await response.text(), 'application/xml');
  const units = new Map<string, { source: string; target: string | null }>();
  for (const unit of xml.querySelectorAll('trans-unit')) {
    units.set(unit.getAttribute('id')!, {
      source: unit.querySelector('source')!.textContent ?? '',
      target: unit.querySelector('target')?.textContent ?? null,
    });
  }
  return units;
}

/** The message ids of a generated module: `base` (src/generated/locales/), `more` (…/more/) or `admin` (…/admin/). */
async function generatedIds(locale: string, part: 'base' | 'more' | 'admin'): Promise<string[]> {
  const module = (await import(`../../src/generated/locales/${part === 'base' ? '' : `${part}/`}${locale}.ts`)) as { templates: TemplateMap };
  return Object.keys(module.templates).sort();
}

const countIds = ['zero', 'one', 'two', 'few', 'many', 'other'].map((category) => `thread.heading.count.${category}`);

describe('translation catalog', () => {
  // Every message: the base part of a locale and, once wanted, its more part.
  before(() => loadMoreMessages());

  it('ships at least 15 locales, English first', () => {
    expect(shippedLocales[0]).to.equal('en');
    expect(shippedLocales.length).to.be.at.least(15);
  });

  for (const locale of targetLocales) {
    describe(locale, () => {
      let units: Map<string, { source: string; target: string | null }>;
      let templates: TemplateMap;
      before(async () => {
        units = await catalog(locale);
        // The widget's parts and the moderation page's, in one map (each keeps its own object).
        const admin = (await import(`../../src/generated/locales/admin/${locale}.ts`)) as { templates: TemplateMap };
        templates = { ...(await loadLocale(locale))!, ...admin.templates };
      });

      it('translates every message id', () => {
        const untranslated = [...units].filter(([, unit]) => !unit.target?.trim()).map(([id]) => id);
        expect(untranslated, `untranslated in ${locale}`).to.deep.equal([]);
        const missing = [...units.keys()].filter((id) => !(id in templates));
        expect(missing, `missing from the generated ${locale} module`).to.deep.equal([]);
      });

      it('splits its ids into a base, a more and an admin part, together every id of the catalog', async () => {
        const base = await generatedIds(locale, 'base');
        const more = await generatedIds(locale, 'more');
        const admin = await generatedIds(locale, 'admin');
        expect(base.filter((id) => more.includes(id)), `in both parts of ${locale}`).to.deep.equal([]);
        expect([...base, ...more, ...admin].sort()).to.deep.equal([...units.keys()].sort());
        // The moderation page's words are all in its own part, and never in the widget's.
        expect([...base, ...more].filter((id) => id.startsWith('admin.')), `admin ids in the widget's parts of ${locale}`).to.deep.equal([]);
        expect(admin.filter((id) => !id.startsWith('admin.'))).to.deep.equal([]);
        expect(admin).to.include.members(['admin.status.pending', 'admin.action.approve', 'admin.error.wrong-password']);
        expect(admin).to.deep.equal(await generatedIds(targetLocales[0], 'admin'));
        // The core bundle's words, and the list's (the lazy list chunk).
        expect(base).to.include.members(['thread.heading', 'thread.form-heading', 'thread.retry', 'form.submit']);
        expect(more).to.include.members(['thread.load-more', 'thread.heading.count.other', 'thread.more-replies.other', 'comment.orphan']);
        // The same split in every locale.
        expect(base).to.deep.equal(await generatedIds(targetLocales[0], 'base'));
        expect(more).to.deep.equal(await generatedIds(targetLocales[0], 'more'));
      });

      it('has the same message ids as every other locale', async () => {
        const reference = await catalog(targetLocales[0]);
        expect([...units.keys()].sort()).to.deep.equal([...reference.keys()].sort());
      });

      it('leaves no string identical to English unless allowed', () => {
        const allowed = sameAsEnglish[locale] ?? [];
        const same = [...units]
          .filter(([id, unit]) => !allowed.includes(id) && unit.target !== null && unit.target.trim() === unit.source.trim())
          .map(([id]) => id);
        expect(same, `identical to English in ${locale}`).to.deep.equal([]);
      });

      it('has a translated count message for every plural category it uses', () => {
        const l = new Localization(locale, templates);
        const english = new Localization('en', undefined);
        const rules = new Intl.PluralRules(locale);
        for (const count of [0, 1, 2, 3, 5, 11, 21, 100, 101, 1000000]) {
          const category = rules.select(count);
          expect(templates, `${locale} has no message for ${category} (${count})`).to.have.property(`thread.heading.count.${category}`);
          const heading = countHeading(l, count);
          expect(heading, `${locale} ${count}`).to.include(new Intl.NumberFormat(locale).format(count));
          expect(heading).not.to.match(/\{|\$\{|undefined/);
          expect(heading, `${locale} ${count} is English`).not.to.equal(countHeading(english, count));
        }
        for (const category of rules.resolvedOptions().pluralCategories) {
          expect(templates).to.have.property(`thread.heading.count.${category}`);
        }
        expect(countIds.every((id) => id in templates)).to.equal(true);
      });

      it('has the moderation page’s counted messages in every plural category it uses', async () => {
        const l = await loadAdminLocalization(locale);
        const english = new Localization('en', undefined);
        const rules = new Intl.PluralRules(locale);
        for (const base of ['admin.selected', 'admin.pending.count', 'admin.error.rate-limited-wait']) {
          for (const category of rules.resolvedOptions().pluralCategories) expect(templates, `${locale} ${base}.${category}`).to.have.property(`${base}.${category}`);
        }
        for (const count of [0, 1, 2, 3, 5, 11, 21, 100, 1000000]) {
          for (const label of [selectedLabel, pendingLabel]) {
            const shown = label(l, count);
            expect(shown, `${locale} ${count}`).to.include(new Intl.NumberFormat(locale).format(count));
            expect(shown).not.to.match(/\{|\$\{|undefined/);
            expect(shown, `${locale} ${count} is English`).not.to.equal(label(english, count));
          }
        }
      });
    });
  }
});
