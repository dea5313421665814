import { expect } from '@open-wc/testing';
import { initials } from '../../src/core/initials.js';

describe('initials', () => {
  it('takes the first letter of a single name, upper-cased', () => {
    expect(initials('nick')).to.equal('N');
    expect(initials('Anna')).to.equal('A');
  });

  it('takes the first and last word of a longer name', () => {
    expect(initials('Nick Stamoulis')).to.equal('NS');
    expect(initials('maria de la cruz')).to.equal('MC');
  });

  it('splits on dots, underscores and dashes too', () => {
    expect(initials('mary-jane')).to.equal('MJ');
    expect(initials('john.doe')).to.equal('JD');
    expect(initials('first_last')).to.equal('FL');
  });

  it('ignores words without letters or digits and leading punctuation', () => {
    expect(initials('@nick')).to.equal('N');
    expect(initials('"Quoted" Name')).to.equal('QN');
    expect(initials('😀 Anna Bell !!!')).to.equal('AB');
    expect(initials('R2 D2')).to.equal('RD');
  });

  it('returns an empty string when there is nothing to show', () => {
    expect(initials('')).to.equal('');
    expect(initials('   ')).to.equal('');
    expect(initials('--- ...')).to.equal('');
  });

  it('keeps Devanagari graphemes whole', () => {
    expect(initials('राज कुमार')).to.equal('राकु');
    expect(initials('सीमा')).to.equal('सी');
  });

  it('keeps a base letter with its combining mark', () => {
    expect(initials('e\u0301mile zola')).to.equal('E\u0301Z');
  });

  it('upper-cases in the given locale', () => {
    expect(initials('ilker ince', 'tr')).to.equal('İİ');
    expect(initials('ilker ince', 'en')).to.equal('II');
  });
});
