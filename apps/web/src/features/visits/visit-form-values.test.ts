import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { answerText, excerpt, needStatusColor, percent } from './visit-format';
import { formNameOf, surveyAnswersOf, toCreateBody, toPatchBody, visitIssues } from './visit-form-values';
import type { SurveyQuestion, VisitDetail } from './visit-types';

const questions: SurveyQuestion[] = [
  { id: 'q1', type: 'text', label: '经营情况' },
  { id: 'q2', type: 'number', label: '员工人数' },
  { id: 'q3', type: 'rating', label: '满意度', required: true },
  { id: 'q4', type: 'single', label: '是否扩产', options: ['是', '否'] },
  { id: 'q5', type: 'multi', label: '需要的服务', options: ['融资', '人才', '场地'] },
];

const visit: VisitDetail = {
  id: 'v1',
  enterprise: { id: 'e1', name: '杭州某某生物' },
  visitedOn: '2026-03-02',
  kind: 'survey',
  visitors: [{ id: 'u1', name: '陈服务' }],
  departments: [],
  notes: '旧记录',
  needCount: 0,
  createdBy: { id: 'u1', name: '陈服务' },
  createdAt: '2026-03-02T02:00:00Z',
  updatedAt: '2026-03-02T02:00:00Z',
  version: 3,
  surveyTemplate: {
    id: 's1',
    name: '年度调研',
    questions,
    active: true,
    createdAt: '',
    updatedAt: '',
    version: 1,
  },
  surveyAnswers: { q3: 4 },
  needs: [],
};

describe('the visit form as the API reads it', () => {
  it('sends only the answered questions of the template, each in the type the server checks', () => {
    expect(
      surveyAnswersOf(questions, {
        q1: '  订单饱满 ',
        q2: null,
        q3: 0,
        q4: '是',
        q5: [],
        stray: 'not a question',
      }),
    ).toEqual({ q1: '订单饱满', q4: '是' });
    expect(surveyAnswersOf(questions, { q2: 120, q3: 5, q5: ['融资', '场地'] })).toEqual({
      q2: 120,
      q3: 5,
      q5: ['融资', '场地'],
    });
  });

  it('builds one POST body with the needs raised; departments only for an on-site office', () => {
    const body = toCreateBody(
      {
        enterpriseId: 'e1',
        visitedOn: dayjs('2026-03-05'),
        kind: 'visit',
        visitorIds: ['u1', 'u2'],
        departmentIds: ['d1'],
        notes: '   ',
        needs: [
          { categoryCode: 'power', title: '扩容', description: '需增容 800 kVA', urgency: 'urgent' },
          { categoryCode: 'space', title: '场地', description: '找 2000㎡ 实验室', leadDepartmentId: 'd9' },
        ],
      },
      [],
    );
    expect(body).toEqual({
      enterpriseId: 'e1',
      visitedOn: '2026-03-05',
      kind: 'visit',
      visitorIds: ['u1', 'u2'],
      needs: [
        { categoryCode: 'power', title: '扩容', description: '需增容 800 kVA', urgency: 'urgent' },
        {
          categoryCode: 'space',
          title: '场地',
          description: '找 2000㎡ 实验室',
          urgency: 'normal',
          leadDepartmentId: 'd9',
        },
      ],
    });
    const onsite = toCreateBody({ enterpriseId: 'e1', visitedOn: dayjs('2026-03-05'), kind: 'onsite_office' }, []);
    expect(onsite.departmentIds).toEqual([]);
    expect(onsite.needs).toBeUndefined();
  });

  it('carries the survey with its template, and patches what the record page may change', () => {
    const body = toCreateBody(
      {
        enterpriseId: 'e1',
        visitedOn: dayjs('2026-03-05'),
        kind: 'survey',
        surveyTemplateId: 's1',
        surveyAnswers: { q3: 4 },
      },
      questions,
    );
    expect(body).toMatchObject({ surveyTemplateId: 's1', surveyAnswers: { q3: 4 } });
    expect(
      toPatchBody({ visitedOn: dayjs('2026-03-03'), notes: '', visitorIds: ['u1'], surveyAnswers: { q3: 2 } }, visit),
    ).toEqual({ visitedOn: '2026-03-03', notes: null, visitorIds: ['u1'], surveyAnswers: { q3: 2 } });
  });

  it('refuses what the server would, on the fields the form shows', () => {
    const body = toCreateBody(
      {
        enterpriseId: 'e1',
        visitedOn: dayjs('2026-03-05'),
        kind: 'survey',
        surveyTemplateId: 's1',
        needs: [{ categoryCode: 'power', title: '扩容', description: ' ' }],
      },
      questions,
    );
    const issues = visitIssues(body, questions, 'zh-CN');
    expect(issues.map((i) => i.path)).toEqual([
      ['needs', 0, 'description'],
      ['surveyAnswers', 'q3'],
    ]);
    expect(issues[1]?.message).toBe('必答题');
    expect(visitIssues(toCreateBody({ enterpriseId: 'e1', visitedOn: dayjs(), kind: 'visit' }, []), [], 'en')).toEqual(
      [],
    );
  });

  it('finds the inputs of the server’s field names', () => {
    expect(formNameOf(['needs', '2', 'title'])).toEqual(['needs', 2, 'title']);
    expect(formNameOf(['surveyAnswers', '7'])).toEqual(['surveyAnswers', '7']);
    expect(formNameOf(['visitedOn'])).toEqual(['visitedOn']);
  });
});

describe('a visit as the pages show it', () => {
  it('writes answers in the reader’s language', () => {
    expect(answerText({ type: 'multi' }, ['融资', '人才'], 'zh-CN')).toBe('融资、人才');
    expect(answerText({ type: 'multi' }, ['a', 'b'], 'en')).toBe('a, b');
    expect(answerText({ type: 'rating' }, 4, 'en')).toBe('4 / 5');
    expect(answerText({ type: 'number' }, 12000, 'en')).toBe('12,000');
    expect(answerText({ type: 'text' }, undefined, 'zh-CN')).toBe('—');
  });

  it('shows an overdue need red whatever its status, and cuts long notes', () => {
    expect(needStatusColor('accepted', true)).toBe('red');
    expect(needStatusColor('resolved', false)).toBe('green');
    expect(excerpt('第一行很长很长\n第二行', 4)).toBe('第一行很…');
    expect(percent(1, 3)).toBe('33%');
    expect(percent(0, 0)).toBe('—');
  });
});
