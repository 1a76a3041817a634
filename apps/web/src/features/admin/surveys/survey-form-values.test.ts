import { describe, expect, it } from 'vitest';
import { nextQuestionId, numberedPath, templateIssues, toSurveyFormValues, toTemplateBody } from './survey-form-values';

describe('survey templates as the admin writes them', () => {
  it('gives a new question the first free id, so saved answers keep theirs', () => {
    expect(nextQuestionId([])).toBe('q1');
    expect(nextQuestionId(['q1', 'q3', undefined])).toBe('q2');
  });

  it('keeps options only on choice questions, cleaned, and numbers rows without an id', () => {
    const body = toTemplateBody({
      name: '年度调研',
      questions: [
        { id: 'q2', type: 'single', label: '是否扩产', options: [' 是 ', '否', '是', ''] },
        { type: 'text', label: '其他', options: ['stale'] },
        { id: 'q1', type: 'rating', label: '满意度', required: true },
      ],
    });
    expect(body).toEqual({
      name: '年度调研',
      active: true,
      questions: [
        { id: 'q2', type: 'single', label: '是否扩产', options: ['是', '否'], required: false },
        { id: 'q3', type: 'text', label: '其他', required: false },
        { id: 'q1', type: 'rating', label: '满意度', required: true },
      ],
    });
    expect(toTemplateBody(toSurveyFormValues({ ...body, id: 's1', createdAt: '', updatedAt: '', version: 2 }))).toEqual(
      body,
    );
  });

  it('refuses a choice without options and a blank question on their fields', () => {
    const issues = templateIssues(
      toTemplateBody({ name: '问卷', questions: [{ id: 'q1', type: 'multi', label: '服务', options: [] }] }),
      'zh-CN',
      'NEEDS OPTIONS',
    );
    expect(issues).toEqual([{ path: ['questions', 0, 'options'], message: 'NEEDS OPTIONS' }]);
    const blank = templateIssues(toTemplateBody({ name: '问卷', questions: [{ id: 'q1', type: 'text' }] }), 'en', '');
    expect(blank.map((i) => i.path)).toEqual([['questions', 0, 'label']]);
    expect(numberedPath(['questions', '3', 'label'])).toEqual(['questions', 3, 'label']);
  });
});
