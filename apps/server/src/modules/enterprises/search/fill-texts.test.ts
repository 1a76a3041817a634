import { describe, expect, it } from 'vitest';
import { generateEnterprise } from '../../seed/enterprise-generator.js';
import { FILL_WORKER_FROM, ftsTextsFor } from './fill-texts.js';
import { ftsTextsOf, PREFIX, SCOPE, type FillText } from './fts-text.js';

const companies = (from: number, n: number): FillText[] =>
  Array.from({ length: n }, (_, i) => {
    const e = generateEnterprise('fill-texts', from + i);
    return {
      id: `e${from + i}`,
      name: e.name,
      uscc: e.uscc,
      businessScope: e.businessScope ?? null,
      formerNames: e.formerNames ?? [],
    };
  });

describe('the FTS5 texts of a fill, made here or in a worker thread', () => {
  it('are the tokens of name, former names, USCC and scope, with the scope marked and letter words’ prefixes', () => {
    const [name, scope] = ftsTextsOf([
      {
        id: 'x',
        name: '苏州CDMO生物',
        uscc: '91310115MA1K3BTP2B',
        businessScope: '疫苗研发',
        formerNames: ['旧药'],
      },
    ]);
    const nameTokens = name!.split(' ');
    expect(nameTokens).toEqual(expect.arrayContaining(['苏州', 'cdmo', '生物', '旧药', `c${PREFIX}`, `cdm${PREFIX}`]));
    expect(nameTokens).toContain('91310115ma1k3btp2b');
    expect(scope!.split(' ')).toEqual([`${SCOPE}疫苗`, `${SCOPE}苗研`, `${SCOPE}研发`, `${SCOPE}发`]);
  });

  it('come back from the worker exactly as made on this thread, in the order asked, however many are in flight', async () => {
    const texts = ftsTextsFor(FILL_WORKER_FROM);
    try {
      const batches = [companies(0, 300), companies(300, 1), companies(301, 500), []];
      const answers = await Promise.all(batches.map((b) => texts.of(b)));
      answers.forEach((a, i) => expect(a).toEqual(ftsTextsOf(batches[i]!)));
      expect(answers[0]).toHaveLength(600);
    } finally {
      await texts.close();
    }
  });

  it('fail, rather than hang, once the worker is gone', async () => {
    const texts = ftsTextsFor(FILL_WORKER_FROM);
    await texts.of(companies(0, 2));
    await texts.close();
    await expect(texts.of(companies(0, 2))).rejects.toThrow(/worker stopped/);
  });
});
