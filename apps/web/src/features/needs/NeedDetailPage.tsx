import { SATISFACTION, label, type NeedAction } from '@kaimen/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Result,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { useShowProblem } from '../../components/use-show-problem';
import { departmentName } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { useDepartments } from '../admin/departments/departments-api';
import { actionFields, buttonActions, PRIMARY_ACTIONS, STATUS_COLOR, URGENCY_COLOR } from './need-format';
import { useNeedLabels } from './need-labels';
import type { NeedActionBody, NeedDetail } from './need-types';
import { useNeed, useNeedMutations } from './needs-api';

/** Red for what went wrong (escalated, not satisfied), orange for a return, green for an answer, grey for words. */
const TIMELINE_COLOR: Record<string, string> = {
  escalate: '#cf1322',
  reopen: '#cf1322',
  return: '#fa8c16',
  resolve: '#389e0d',
  confirm: '#389e0d',
  close: '#8c8c8c',
  comment: '#bfbfbf',
};

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

/** One need (诉求): what the company asked, where it stands, the steps the user may take, and every step so far. */
export function NeedDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const need = useNeed(id);
  if (need.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (need.isError || !need.data) {
    const missing = isApiError(need.error, 'not-found');
    return <Result status={missing ? '404' : 'error'} title={missing ? '404' : t('error.unexpected')} />;
  }
  return <NeedRecord need={need.data} />;
}

function NeedRecord({ need }: { need: NeedDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const labels = useNeedLabels();
  const departments = useDepartments();
  const { act, update } = useNeedMutations(need.id);
  const showProblem = useShowProblem();
  const [acting, setActing] = useState<NeedAction | null>(null);
  const [editing, setEditing] = useState(false);
  const [comment, setComment] = useState('');
  const open = ['submitted', 'accepted', 'in_progress'].includes(need.status);
  const actionLabel = (a: string) => t(`needs.action.${a}` as MessageKey);

  const run = async (body: Omit<NeedActionBody, 'version'>, form?: Parameters<typeof showProblem>[1]) => {
    try {
      await act.mutateAsync({ ...body, version: need.version });
      void message.success(t('needs.done', { action: actionLabel(body.action) }));
      return true;
    } catch (err) {
      showProblem(err, form);
      return false;
    }
  };

  const onButton = (a: NeedAction) => {
    if (actionFields(a).needsDialog) setActing(a);
    else void run({ action: a });
  };

  const deptOptions = (departments.data ?? []).map((d) => ({ value: String(d.id), label: departmentName(d, locale) }));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Typography.Text type="secondary">{need.reference}</Typography.Text>
            <span data-testid="need-heading">{need.title}</span>
            <Tag color={STATUS_COLOR[need.status]} data-testid="need-status">
              {labels.status(need.status)}
            </Tag>
            {need.urgency !== 'normal' && <Tag color={URGENCY_COLOR[need.urgency]}>{labels.urgency(need.urgency)}</Tag>}
            {need.overdue && (
              <Tag color="red" data-testid="need-overdue">
                {need.escalatedAt ? t('needs.escalated') : t('needs.overdue')}
              </Tag>
            )}
          </Space>
        }
        extra={
          <Space wrap data-testid="need-actions">
            {buttonActions(need.allowedActions).map((a) => (
              <Button
                key={a}
                type={PRIMARY_ACTIONS.has(a) ? 'primary' : 'default'}
                danger={a === 'escalate'}
                loading={act.isPending && act.variables?.action === a}
                onClick={() => onButton(a)}
                data-testid={`need-action-${a}`}
              >
                {actionLabel(a)}
              </Button>
            ))}
          </Space>
        }
      >
        {need.escalatedAt && open && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('needs.escalated')}
            description={need.escalationReason ?? undefined}
          />
        )}
        {need.status === 'returned' && need.returnedReason && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('needs.returnedReason')}
            description={need.returnedReason}
          />
        )}
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" title={t('needs.details')}>
          <Descriptions.Item label={t('needs.enterprise')}>
            {need.enterprise && (
              <Link to={`/enterprises/${encodeURIComponent(need.enterprise.id)}`}>{need.enterprise.name}</Link>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('needs.category')}>{labels.category(need.categoryCode)}</Descriptions.Item>
          <Descriptions.Item label={t('needs.source')}>
            {need.visitId ? (
              <Link to={`/visits/${encodeURIComponent(need.visitId)}`}>{labels.source(need.source)}</Link>
            ) : (
              labels.source(need.source)
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('needs.leadDepartment')}>
            <span data-testid="need-lead-department">
              {need.leadDepartment ? departmentName(need.leadDepartment, locale) : ''}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('needs.supportingDepartments')}>
            <Space size={4} wrap>
              {need.supportingDepartments.map((d) => (
                <Tag key={d.id}>{departmentName(d, locale)}</Tag>
              ))}
              {need.canEdit && (
                <Button size="small" type="link" onClick={() => setEditing(true)}>
                  {t('needs.editSupporting')}
                </Button>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('needs.officer')}>{need.officer?.name}</Descriptions.Item>
          <Descriptions.Item label={t('needs.submittedAt')}>{when(need.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('needs.acceptBy')}>
            {need.status === 'submitted' ? when(need.acceptBy) : when(need.acceptedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('needs.dueOn')}>
            <span style={need.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{need.dueOn}</span>
          </Descriptions.Item>
          {(need.contactName || need.contactPhone) && (
            <Descriptions.Item label={t('needs.contactName')}>
              {[need.contactName, need.contactPhone].filter(Boolean).join(' · ')}
            </Descriptions.Item>
          )}
          {need.satisfaction && (
            <Descriptions.Item label={t('needs.satisfaction')}>
              <Tag color={need.satisfaction === 'unsatisfied' ? 'red' : 'green'}>
                {labels.satisfaction(need.satisfaction)}
              </Tag>
              {need.reopenedCount > 0 && t('needs.reopened', { count: need.reopenedCount })}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Title level={5}>{t('needs.description')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{need.description}</Typography.Paragraph>
        {need.resolution && (
          <>
            <Typography.Title level={5}>
              {t('needs.resolution')}{' '}
              {need.resolvedLate !== null && (
                <Tag color={need.resolvedLate ? 'orange' : 'green'}>
                  {need.resolvedLate ? t('needs.resolvedLate') : t('needs.resolvedOnTime')}
                </Tag>
              )}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="need-resolution">
              {need.resolution}
            </Typography.Paragraph>
          </>
        )}
      </Card>

      <Card title={t('needs.timeline')}>
        <Timeline
          data-testid="need-timeline"
          items={need.timeline.map((e) => ({
            color: TIMELINE_COLOR[e.action] ?? '#1677ff',
            children: (
              <div>
                <Space size={8} wrap>
                  <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {e.actor.name} · {when(e.at)}
                  </Typography.Text>
                  {e.department && e.action !== 'comment' && <Tag>{departmentName(e.department, locale)}</Tag>}
                  {e.satisfaction && (
                    <Tag color={e.satisfaction === 'unsatisfied' ? 'red' : 'green'}>
                      {labels.satisfaction(e.satisfaction)}
                    </Tag>
                  )}
                </Space>
                {e.text && <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{e.text}</div>}
              </div>
            ),
          }))}
        />
        {need.allowedActions.includes('comment') && (
          <Space.Compact style={{ width: '100%' }}>
            <Input.TextArea
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder={t('needs.commentPlaceholder')}
              autoSize={{ minRows: 1, maxRows: 6 }}
              maxLength={2000}
              data-testid="need-comment"
            />
            <Button
              disabled={!comment.trim()}
              loading={act.isPending && act.variables?.action === 'comment'}
              onClick={async () => {
                if (await run({ action: 'comment', text: comment.trim() })) setComment('');
              }}
            >
              {t('needs.commentSend')}
            </Button>
          </Space.Compact>
        )}
      </Card>

      {acting && (
        <ActionModal
          action={acting}
          need={need}
          deptOptions={deptOptions}
          saving={act.isPending}
          onCancel={() => setActing(null)}
          onSubmit={async (body, form) => {
            if (await run(body, form)) setActing(null);
          }}
        />
      )}
      {editing && (
        <SupportingModal
          need={need}
          deptOptions={deptOptions.filter((o) => o.value !== need.leadDepartment?.id)}
          saving={update.isPending}
          onCancel={() => setEditing(false)}
          onSubmit={async (ids) => {
            try {
              await update.mutateAsync({ version: need.version, supportingDepartmentIds: ids });
              void message.success(t('needs.saved'));
              setEditing(false);
            } catch (err) {
              showProblem(err);
            }
          }}
        />
      )}
    </Space>
  );
}

interface ActionValues {
  text?: string;
  reason?: string;
  satisfaction?: string;
  departmentId?: string;
}

/** The dialog of a step that needs words: an answer, a reason, a rating or a department. */
function ActionModal({
  action,
  need,
  deptOptions,
  saving,
  onCancel,
  onSubmit,
}: {
  action: NeedAction;
  need: NeedDetail;
  deptOptions: { value: string; label: string }[];
  saving: boolean;
  onCancel: () => void;
  onSubmit: (
    body: Omit<NeedActionBody, 'version'>,
    form: ReturnType<typeof Form.useForm<ActionValues>>[0],
  ) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ActionValues>();
  const { fields } = actionFields(action);
  const satisfaction = Form.useWatch('satisfaction', form);
  const required = (name: 'text' | 'reason' | 'satisfaction' | 'department') =>
    action === 'confirm' && name === 'text'
      ? []
      : action === 'resubmit' && name === 'department'
        ? []
        : [{ required: true, message: t('common.required') }];
  return (
    <Modal
      open
      title={`${t(`needs.action.${action}` as MessageKey)} · ${need.title}`}
      okText={t(`needs.action.${action}` as MessageKey)}
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={action === 'resubmit' ? { departmentId: need.leadDepartment?.id } : {}}
        onFinish={(v) =>
          onSubmit(
            {
              action,
              ...(v.text?.trim() ? { text: v.text.trim() } : {}),
              ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
              ...(v.satisfaction ? { satisfaction: v.satisfaction } : {}),
              ...(v.departmentId ? { departmentId: v.departmentId } : {}),
            },
            form,
          )
        }
        data-testid="need-action-form"
      >
        {fields.includes('satisfaction') && (
          <Form.Item name="satisfaction" label={t('needs.field.satisfaction')} rules={required('satisfaction')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={SATISFACTION.map((s) => ({ value: s.code, label: label(s, locale) }))}
            />
          </Form.Item>
        )}
        {satisfaction === 'unsatisfied' && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('needs.unsatisfiedHint')} />
        )}
        {fields.includes('department') && (
          <Form.Item
            name="departmentId"
            label={action === 'resubmit' ? t('needs.field.departmentResubmit') : t('needs.field.department')}
            rules={required('department')}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={
                action === 'reassign' ? deptOptions.filter((o) => o.value !== need.leadDepartment?.id) : deptOptions
              }
              data-testid="need-action-department"
            />
          </Form.Item>
        )}
        {fields.includes('reason') && (
          <Form.Item name="reason" label={t('needs.field.reason')} rules={required('reason')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="need-action-reason" />
          </Form.Item>
        )}
        {fields.includes('text') && (
          <Form.Item
            name="text"
            label={action === 'confirm' ? t('needs.field.textConfirm') : t('needs.field.text')}
            rules={required('text')}
          >
            <Input.TextArea rows={4} maxLength={2000} data-testid="need-action-text" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function SupportingModal({
  need,
  deptOptions,
  saving,
  onCancel,
  onSubmit,
}: {
  need: NeedDetail;
  deptOptions: { value: string; label: string }[];
  saving: boolean;
  onCancel: () => void;
  onSubmit: (ids: string[]) => Promise<void>;
}) {
  const { t } = useI18n();
  const [ids, setIds] = useState(need.supportingDepartments.map((d) => d.id));
  return (
    <Modal
      open
      title={t('needs.editSupporting')}
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => void onSubmit(ids)}
    >
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        value={ids}
        onChange={setIds}
        optionFilterProp="label"
        options={deptOptions}
      />
    </Modal>
  );
}
