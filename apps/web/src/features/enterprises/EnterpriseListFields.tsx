import { Alert, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { qualificationOptions } from './enterprise-format';
import { ListSection } from './ListSection';

const required = (message: string) => ({ required: true, message });

export function FormerNamesFields() {
  const { t } = useI18n();
  return (
    <ListSection name="formerNames" title={t('enterprise.formerNames')} addLabel={t('enterprise.addFormerName')}>
      {(field) => (
        <Form.Item name={field.name} rules={[required(t('common.required'))]} style={{ marginBottom: 0 }}>
          <Input aria-label={t('enterprise.formerNames')} />
        </Form.Item>
      )}
    </ListSection>
  );
}

/** Contacts; when the record came masked they are shown but neither edited nor sent back. */
export function ContactsFields({ masked }: { masked: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <ListSection
        name="contacts"
        title={t('enterprise.tab.contacts')}
        addLabel={t('enterprise.addContact')}
        disabled={masked}
      >
        {(field) => (
          <Row gutter={12}>
            <Col xs={24} md={6}>
              <Form.Item name={[field.name, 'name']} label={t('contact.name')} rules={[required(t('common.required'))]}>
                <Input disabled={masked} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name={[field.name, 'title']} label={t('contact.title')}>
                <Input disabled={masked} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name={[field.name, 'mobile']} label={t('contact.mobile')}>
                <Input disabled={masked} inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name={[field.name, 'email']} label={t('contact.email')}>
                <Input disabled={masked} inputMode="email" />
              </Form.Item>
            </Col>
          </Row>
        )}
      </ListSection>
      {masked && <Alert type="info" showIcon title={t('enterprise.maskedNotEditable')} style={{ marginTop: 8 }} />}
    </>
  );
}

export function QualificationsFields() {
  const { t, locale } = useI18n();
  return (
    <ListSection
      name="qualifications"
      title={t('enterprise.tab.qualifications')}
      addLabel={t('enterprise.addQualification')}
    >
      {(field) => (
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item
              name={[field.name, 'code']}
              label={t('qualification.code')}
              rules={[required(t('common.required'))]}
            >
              <Select options={qualificationOptions(locale)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={[field.name, 'obtainedOn']} label={t('qualification.obtainedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={[field.name, 'expiresOn']} label={t('qualification.expiresOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={[field.name, 'certificateNo']} label={t('qualification.certificateNo')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      )}
    </ListSection>
  );
}

export function FiguresFields() {
  const { t } = useI18n();
  const amount = (name: 'revenue' | 'rndSpend' | 'taxPaid', field: number) => (
    <Col xs={12} md={5}>
      <Form.Item name={[field, name]} label={t(`figure.${name}`)}>
        <Input placeholder={t('enterprise.amountPlaceholder')} />
      </Form.Item>
    </Col>
  );
  return (
    <ListSection
      name="figures"
      title={t('enterprise.tab.figures')}
      addLabel={t('enterprise.addFigures')}
      blank={() => ({ year: new Date().getFullYear() - 1 })}
    >
      {(field) => (
        <Row gutter={12}>
          <Col xs={12} md={4}>
            <Form.Item name={[field.name, 'year']} label={t('figure.year')} rules={[required(t('common.required'))]}>
              <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name={[field.name, 'employees']} label={t('figure.employees')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {amount('revenue', field.name)}
          {amount('rndSpend', field.name)}
          {amount('taxPaid', field.name)}
        </Row>
      )}
    </ListSection>
  );
}
