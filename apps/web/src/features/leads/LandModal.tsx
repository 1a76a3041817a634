import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { Id, Page } from '../../api/types';
import { enterprisePath } from '../../app/access';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import type { LeadDetail } from './lead-types';
import { useLeadMutations } from './leads-api';

type Mode = 'uscc' | 'enterprise';
interface Values {
  mode: Mode;
  uscc?: string;
  enterpriseId?: string;
}

/** 登记落地: a registered lead becomes its local company — one already in the registry, or created from its USCC. */
export function LandModal({ lead, open, onClose }: { lead: LeadDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showProblem = useShowProblem();
  const [form] = Form.useForm<Values>();
  const { land } = useLeadMutations();
  const [search, setSearch] = useState(lead.companyName);
  const mode = Form.useWatch('mode', form) ?? 'uscc';
  const companies = useQuery({
    queryKey: ['enterprises', 'land-options', search],
    queryFn: async () =>
      (await api.get<Page<{ id: Id; name: string; uscc: string }>>('/api/enterprises', { q: search, pageSize: 10 }))
        .items,
    enabled: open && mode === 'enterprise' && search.trim().length >= 2,
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ mode: 'uscc', uscc: lead.uscc ?? '' });
  }, [open, form, lead.uscc]);

  const onOk = async () => {
    const v = await form.validateFields();
    try {
      const done = await land.mutateAsync({
        id: lead.id,
        ...(v.mode === 'enterprise' ? { enterpriseId: v.enterpriseId } : { uscc: v.uscc?.trim().toUpperCase() }),
      });
      void message.success(done.created ? t('leads.land.created') : t('leads.land.linked'));
      onClose();
      void navigate(enterprisePath(done.enterpriseId));
    } catch (error) {
      showProblem(error, form);
    }
  };

  return (
    <Modal
      open={open}
      title={t('leads.land.title', { name: lead.companyName })}
      okText={t('leads.land.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={land.isPending}
      onOk={() => void onOk()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" name="lead-land">
        <Form.Item name="mode">
          <Radio.Group
            options={[
              { value: 'uscc', label: t('leads.land.byUscc') },
              { value: 'enterprise', label: t('leads.land.byEnterprise') },
            ]}
          />
        </Form.Item>
        {mode === 'uscc' ? (
          <Form.Item
            name="uscc"
            label={t('leads.field.uscc')}
            extra={t('leads.land.usccHint')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input autoComplete="off" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        ) : (
          <Form.Item
            name="enterpriseId"
            label={t('leads.land.enterprise')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              showSearch
              filterOption={false}
              onSearch={setSearch}
              loading={companies.isFetching}
              options={(companies.data ?? []).map((e) => ({ value: String(e.id), label: `${e.name}（${e.uscc}）` }))}
              notFoundContent={t('leads.land.noEnterprise')}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
