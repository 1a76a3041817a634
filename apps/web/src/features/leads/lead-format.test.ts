import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN, type MessageKey } from '../../i18n/zh-CN';
import { amountText } from './lead-form-values';
import { formatInvestment } from './lead-format';
import { lastPipelineStage } from './lead-timeline';
import type { TimelineEntry } from './lead-types';

const i18n = (locale: 'zh-CN' | 'en') => ({
  locale,
  t: (key: MessageKey, params?: Record<string, string | number>) =>
    (locale === 'en' ? en : zhCN)[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? '')),
});

describe('lead money and stages as the office reads them', () => {
  it('shows planned investment in 亿元 from 1亿 up, in 万元 below, and in millions in English', () => {
    expect(formatInvestment(500_000_000, i18n('zh-CN'))).toBe('5 亿元');
    expect(formatInvestment(8_000_000, i18n('zh-CN'))).toBe('800 万元');
    expect(formatInvestment(500_000_000, i18n('en'))).toBe('CNY 500 M');
    expect(formatInvestment(null, i18n('zh-CN'))).toBe('—');
  });

  it('puts amounts back in the form as one would type them, which the shared parser reads again', () => {
    expect(amountText(500_000_000, 'zh-CN')).toBe('5亿');
    expect(amountText(8_000_000, 'zh-CN')).toBe('800万');
    expect(amountText(1234, 'zh-CN')).toBe('1234');
    expect(amountText(8_000_000, 'en')).toBe('8000000');
  });

  it('finds where a lost or held lead stopped in the pipeline', () => {
    const entry = (fromStage: TimelineEntry['fromStage'], toStage: TimelineEntry['toStage']): TimelineEntry => ({
      at: '2026-03-02T01:00:00Z',
      type: 'stage',
      by: null,
      fromStage,
      toStage,
    });
    expect(lastPipelineStage('contacted', [])).toBe('contacted');
    expect(lastPipelineStage('lost', [entry('on_hold', 'lost'), entry('negotiating', 'on_hold')])).toBe('negotiating');
    expect(lastPipelineStage('on_hold', [])).toBeNull();
  });
});
