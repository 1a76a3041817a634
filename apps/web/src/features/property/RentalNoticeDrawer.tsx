import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect, useRef } from 'react';
import { FormDrawer } from '../../components/FormDrawer';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useBuildings } from './property-api';
import { formatArea, unitTypeLabel } from './property-format';
import { prefillBody, prefillTitle } from './rental-notice-format';
import { useRentalNoticeMutations, useVacantUnits, type RentalNotice } from './rental-notices-api';

/** New: optionally from a building and some of its vacant units; edit: a draft's or a published notice's text. */
export type NoticeFormTarget =
  { mode: 'new'; buildingId?: string; unitIds?: string[] } | { mode: 'edit'; notice: RentalNotice };

interface NoticeFormValues {
  buildingId?: string;
  unitIds?: string[];
  title: string;
  body: string;
  contactName?: string;
  contactPhone?: string;
  askingRentPerSqm?: number | null;
}

/** 发布招租: vacant units of one building, the text prefilled from them; the server refuses units taken since. */
export function RentalNoticeDrawer({
  target,
  onClose,
  onSaved,
}: {
  target: NoticeFormTarget | null;
  onClose: () => void;
  onSaved?: (notice: RentalNotice) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<NoticeFormValues>();
  const showProblem = useShowProblem();
  const { create, update } = useRentalNoticeMutations();
  const creating = target?.mode === 'new';
  const buildings = useBuildings();
  const buildingId = Form.useWatch('buildingId', form);
  const unitIds = Form.useWatch('unitIds', form);
  const vacant = useVacantUnits(creating ? buildingId : undefined);
  // The text last filled in from the units: replaced when the units change, unless the user has edited it.
  const prefilled = useRef({ title: '', body: '' });

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    prefilled.current = { title: '', body: '' };
    if (target.mode === 'new') form.setFieldsValue({ buildingId: target.buildingId, unitIds: target.unitIds ?? [] });
    else {
      const n = target.notice;
      form.setFieldsValue({
        title: n.title,
        body: n.body,
        contactName: n.contactName ?? undefined,
        contactPhone: n.contactPhone ?? undefined,
        askingRentPerSqm: n.askingRentPerSqm,
      });
    }
  }, [target, form]);

  useEffect(() => {
    if (!creating || !vacant.data) return;
    const chosen = vacant.data.filter((u) => (unitIds ?? []).includes(String(u.id)));
    const next = { title: prefillTitle(chosen, locale), body: prefillBody(chosen, locale) };
    const current = form.getFieldsValue(['title', 'body']);
    if (!current.title || current.title === prefilled.current.title) form.setFieldValue('title', next.title);
    if (!current.body || current.body === prefilled.current.body) form.setFieldValue('body', next.body);
    prefilled.current = next;
  }, [creating, vacant.data, unitIds, locale, form]);

  const done = (notice: RentalNotice) => {
    void message.success(t('notices.saved'));
    onClose();
    onSaved?.(notice);
  };
  const onFinish = (v: NoticeFormValues) => {
    const fields = {
      title: v.title,
      body: v.body,
      contactName: v.contactName || null,
      contactPhone: v.contactPhone || null,
      askingRentPerSqm: v.askingRentPerSqm ?? null,
    };
    if (target?.mode === 'edit') {
      const { id, version } = target.notice;
      update.mutate({ id, version, ...fields }, { onSuccess: done, onError: (e) => showProblem(e, form) });
    } else {
      create.mutate({ ...fields, unitIds: v.unitIds ?? [] }, { onSuccess: done, onError: (e) => showProblem(e, form) });
    }
  };

  const required = { required: true, message: t('common.required') };
  return (
    <FormDrawer
      open={target !== null}
      title={creating ? t('notices.create') : t('notices.edit')}
      onClose={onClose}
      form={form}
      saving={create.isPending || update.isPending}
    >
      <Form form={form} name="notice" layout="vertical" onFinish={onFinish} data-testid="notice-form">
        {creating && (
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="buildingId" label={t('notices.building')} rules={[required]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={buildings.isPending}
                  options={(buildings.data ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
                  onChange={() => form.setFieldValue('unitIds', [])}
                  data-testid="notice-building"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="unitIds" label={t('notices.units')} extra={t('notices.unitsHint')} rules={[required]}>
                <Select
                  mode="multiple"
                  disabled={!buildingId}
                  loading={vacant.isFetching}
                  notFoundContent={t('notices.noVacant')}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(vacant.data ?? []).map((u) => ({
                    value: String(u.id),
                    label: `${u.code} · ${unitTypeLabel(u.type, locale)} · ${formatArea(u.area)}`,
                  }))}
                  data-testid="notice-units"
                />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="title" label={t('notices.noticeTitle')} rules={[required, { max: 100 }]}>
          <Input data-testid="notice-title" />
        </Form.Item>
        <Form.Item name="body" label={t('notices.body')} extra={t('notices.bodyHint')} rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={5000} data-testid="notice-body" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="contactName" label={t('notices.contactName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="contactPhone" label={t('notices.contactPhone')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="askingRentPerSqm" label={t('notices.askingRent')} extra={t('notices.askingRentHint')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
