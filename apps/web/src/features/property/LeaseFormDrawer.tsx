import { App, Col, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { FormDrawer } from '../../components/FormDrawer';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useBuildings, useBuildingUnits, usePropertyMutations } from './property-api';
import { LeaseTermsFields, leaseTermsBody, type LeaseTermsValues } from './LeaseTermsFields';
import { formatArea, unitStatusLabel } from './property-format';
import type { Lease } from './property-types';

interface LeaseFormValues extends LeaseTermsValues {
  enterpriseId: string;
  buildingId?: string;
  unitIds: string[];
  notes?: string;
}

/**
 * 新建租赁 / 编辑租赁: a company, units of one building, the term and the money. An overlap is refused by the server
 * (409). Editing keeps the company (a lease to another company is a new lease) and sends the version it was opened at.
 */
export function LeaseFormDrawer({
  open,
  lease = null,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The lease to change; absent or null: a new lease. */
  lease?: Lease | null;
  onClose: () => void;
  onSaved?: (lease: Lease) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeaseFormValues>();
  const showProblem = useShowProblem();
  const { createLease, updateLease } = usePropertyMutations();
  const saving = lease ? updateLease : createLease;
  const buildings = useBuildings();
  const buildingId = Form.useWatch('buildingId', form);
  const units = useBuildingUnits(open ? buildingId : undefined);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (lease)
      form.setFieldsValue({
        enterpriseId: String(lease.enterprise.id),
        ...(lease.units[0] ? { buildingId: String(lease.units[0].buildingId) } : {}),
        unitIds: lease.units.map((u) => String(u.id)),
        startsOn: dayjs(lease.startsOn),
        endsOn: dayjs(lease.endsOn),
        monthlyRent: lease.monthlyRent,
        deposit: lease.deposit,
        rentFreeMonths: lease.rentFreeMonths,
        escalationPercent: lease.escalationPercent,
        notes: lease.notes ?? '',
      });
  }, [open, form, lease]);

  const onSuccess = (saved: Lease) => {
    void message.success(t(lease ? 'leases.updated' : 'leases.saved'));
    onClose();
    onSaved?.(saved);
  };
  const onFinish = (v: LeaseFormValues) => {
    const terms = {
      unitIds: v.unitIds,
      ...leaseTermsBody(v),
      notes: v.notes || null,
    };
    const onError = (error: unknown) => showProblem(error, form);
    if (lease) updateLease.mutate({ id: lease.id, version: lease.version, ...terms }, { onSuccess, onError });
    else createLease.mutate({ enterpriseId: v.enterpriseId, ...terms }, { onSuccess, onError });
  };

  const required = { required: true, message: t('common.required') };
  return (
    <FormDrawer
      open={open}
      title={lease ? t('leases.edit') : t('leases.create')}
      onClose={onClose}
      form={form}
      saving={saving.isPending}
    >
      <Form form={form} name="lease" layout="vertical" onFinish={onFinish} data-testid="lease-form">
        <Form.Item name="enterpriseId" label={t('leases.enterprise')} rules={[required]}>
          {lease ? (
            <Select disabled options={[{ value: String(lease.enterprise.id), label: lease.enterprise.name }]} />
          ) : (
            <EnterpriseSelect testId="lease-enterprise" active={open} />
          )}
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="buildingId"
              label={t('leases.building')}
              extra={t('leases.buildingHint')}
              rules={[required]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={buildings.isPending}
                options={(buildings.data ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
                onChange={() => form.setFieldValue('unitIds', [])}
                data-testid="lease-building"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="unitIds" label={t('leases.units')} rules={[required]}>
              <Select
                mode="multiple"
                disabled={!buildingId}
                loading={units.isFetching}
                showSearch={{ optionFilterProp: 'label' }}
                options={(units.data ?? []).map((u) => ({
                  value: String(u.id),
                  label: `${u.code} · ${formatArea(u.area)} · ${unitStatusLabel(u.status, locale)}`,
                }))}
                data-testid="lease-units"
              />
            </Form.Item>
          </Col>
        </Row>
        <LeaseTermsFields testId="lease" />
        <Form.Item name="notes" label={t('leases.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
