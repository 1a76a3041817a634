import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_LENGTH, tokenizeForIndex, tokenizeQuery, type QueryTerm } from './tokenizer.js';

describe('tokenizeForIndex', () => {
  it.each([
    ['two characters', '生物', ['生物', '物']],
    ['a CJK run: bigrams, then its last character', '生物医药', ['生物', '物医', '医药', '药']],
    ['a lone character stays a unigram', '药', ['药']],
    ['punctuation splits runs', '技术开发、技术咨询', ['技术', '术开', '开发', '发', '术咨', '咨询', '询']],
    ['Latin acronyms are whole words, lower-cased', 'CRO与CDMO', ['cro', '与', 'cdmo']],
    ['mixed case', 'mRNA疫苗', ['mrna', '疫苗', '苗']],
    ['a USCC is one token', '91310115MA1K3BTP2B', ['91310115ma1k3btp2b']],
    ['letters and digits together stay together', 'H1N1流感', ['h1n1', '流感', '感']],
    ['a hyphen splits', 'COVID-19', ['covid', '19']],
    ['letters then digits: also the parts', 'ISO13485', ['iso13485', 'iso', '13485']],
    ['digits then letters: also the parts', '2019ncov', ['2019ncov', '2019', 'ncov']],
    ['no parts shorter than 2', 'CD3 3D', ['cd3', '3d']],
    ['digit runs', '注册资本500万元', ['注册', '册资', '资本', '本', '500', '万元', '元']],
    ['full-width letters, digits and brackets are folded', 'ＣＤＭＯ（２０１９）', ['cdmo', '2019']],
    ['the ideographic space separates', '生物\u3000医药', ['生物', '物', '医药', '药']],
    ['distinct tokens, first occurrence first', '生物生物', ['生物', '物生', '物']],
    ['accented letters are word characters', 'Pâté酶', ['pâté', '酶']],
    ['empty', '', []],
    ['only punctuation', '（）、，。；', []],
  ])('%s: %s', (_why, text, tokens) => {
    expect(tokenizeForIndex(text)).toEqual(tokens);
  });

  it('takes null and undefined as empty', () => {
    expect(tokenizeForIndex(null)).toEqual([]);
    expect(tokenizeForIndex(undefined)).toEqual([]);
  });

  it('drops tokens too long to index', () => {
    expect(tokenizeForIndex(`a${'b'.repeat(MAX_TOKEN_LENGTH)} cro`)).toEqual(['cro']);
  });
});

const exact = (token: string): QueryTerm => ({ token, prefix: false });
const prefix = (token: string): QueryTerm => ({ token, prefix: true });

describe('tokenizeQuery', () => {
  it.each<[string, string, QueryTerm[]]>([
    ['one character: a prefix', '药', [prefix('药')]],
    ['two characters: the bigram', '生物', [exact('生物')]],
    ['three characters: both bigrams', '生物医', [exact('生物'), exact('物医')]],
    ['four characters', '基因工程', [exact('基因'), exact('因工'), exact('工程')]],
    ['an acronym: a prefix', 'CRO', [prefix('cro')]],
    ['lower-case is the same', 'cdmo', [prefix('cdmo')]],
    ['full-width is the same', 'ＣＤＭＯ', [prefix('cdmo')]],
    ['a word start', 'CDM', [prefix('cdm')]],
    ['mixed', 'mRNA疫苗', [prefix('mrna'), exact('疫苗')]],
    ['a USCC fragment', '91310115ma1k', [prefix('91310115ma1k')]],
    ['several words', '基因 检', [exact('基因'), prefix('检')]],
    ['repeated terms once', '生物生物', [exact('生物'), exact('物生')]],
    ['blank', '   ', []],
    ['only punctuation', '、，（）', []],
  ])('%s: %s', (_why, q, terms) => {
    expect(tokenizeQuery(q)).toEqual(terms);
  });
});

/** What the engines compute: every term is an indexed token (exact) or starts one (prefix). */
const matches = (terms: QueryTerm[], tokens: string[]) =>
  terms.length > 0 &&
  terms.every((t) => (t.prefix ? tokens.some((x) => x.startsWith(t.token)) : tokens.includes(t.token)));

describe('query against index', () => {
  const alphabet = [
    '生',
    '物',
    '医',
    '药',
    '疫',
    '苗',
    '基',
    '因',
    'c',
    'r',
    'o',
    'M',
    '1',
    '9',
    ' ',
    '、',
    '（',
    'Ｃ',
  ];
  const text = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 30 }).map((a) => a.join(''));
  const isWord = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/i.test(ch.normalize('NFKC'));

  it('finds every substring that does not start inside a Latin word or number', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
        const i = a % s.length;
        const j = i + 1 + (b % (s.length - i));
        if (isWord(s[i - 1]) && isWord(s[i])) return; // mid-word: Latin terms match at word starts only
        const terms = tokenizeQuery(s.slice(i, j));
        if (terms.length === 0) return;
        expect(matches(terms, tokenizeForIndex(s))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds nothing for a character the text lacks', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(matches(tokenizeQuery('酶'), tokenizeForIndex(s))).toBe(false);
      }),
    );
  });
});
