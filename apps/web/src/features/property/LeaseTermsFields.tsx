import { Col, DatePicker, Form, InputNumber, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/use-i18n';

/** The term and the money of a lease, as a form holds them. */
export interface LeaseTermsValues {
  startsOn: Dayjs;
  endsOn: Dayjs;
  monthlyRent: number;
  deposit?: number | null;
  rentFreeMonths?: number | null;
  escalationPercent?: number | null;
}

/** The body fields of the lease API for the values (empty money fields are left to the server's defaults). */
export const leaseTermsBody = (v: LeaseTermsValues) => ({
  startsOn: v.startsOn.format('YYYY-MM-DD'),
  endsOn: v.endsOn.format('YYYY-MM-DD'),
  monthlyRent: v.monthlyRent,
  ...(v.deposit != null ? { deposit: v.deposit } : {}),
  ...(v.rentFreeMonths != null ? { rentFreeMonths: v.rentFreeMonths } : {}),
  ...(v.escalationPercent != null ? { escalationPercent: v.escalationPercent } : {}),
});

/** 起租日 / 到期日 (the end not before the start), then rent, deposit, rent-free months and yearly escalation. */
export function LeaseTermsFields({ testId }: { testId: string }) {
  const { t } = useI18n();
  const required = { required: true, message: t('common.required') };
  const endsAfterStart = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, value: Dayjs | undefined) => {
      const start = getFieldValue('startsOn') as Dayjs | undefined;
      return !value || !start || !value.isBefore(start, 'day')
        ? Promise.resolve()
        : Promise.reject(new Error(t('leases.endsBeforeStart')));
    },
  });
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="startsOn" label={t('leases.startsOn')} rules={[required]}>
            <DatePicker style={{ width: '100%' }} data-testid={`${testId}-starts-on`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="endsOn"
            label={t('leases.endsOn')}
            dependencies={['startsOn']}
            rules={[required, endsAfterStart]}
          >
            <DatePicker style={{ width: '100%' }} data-testid={`${testId}-ends-on`} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name="monthlyRent" label={t('leases.monthlyRent')} rules={[required]}>
            <InputNumber min={0} style={{ width: '100%' }} data-testid={`${testId}-rent`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="deposit" label={t('leases.deposit')}>
            <InputNumber min={0} style={{ width: '100%' }} data-testid={`${testId}-deposit`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="rentFreeMonths" label={t('leases.rentFreeMonths')}>
            <InputNumber min={0} max={120} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="escalationPercent" label={t('leases.escalation')}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
