import { Col, DatePicker, Form, Input, InputNumber, Row, Select, TreeSelect } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { useChainNodes } from '../chain/chain-api';
import { chainOptions } from '../chain/chain-tree';
import { ListSection } from '../enterprises/ListSection';
import { channelOptions, requirementOptions, unitTypeOptions } from './lead-format';
import { useOwnerOptions } from './leads-api';

const half = { xs: 24, md: 12 };

/** The lead's own fields (ZLeadInput), without the lists. */
export function LeadBasicFields() {
  const { t, locale } = useI18n();
  const chain = useChainNodes();
  const owners = useOwnerOptions();
  const required = { required: true, message: t('common.required') };
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name="companyName" label={t('leads.field.companyName')} rules={[required]}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="uscc" label={t('leads.field.uscc')} extra={t('leads.field.usccHint')}>
          <Input autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="sourceChannel" label={t('leads.field.sourceChannel')} rules={[required]}>
          <Select showSearch optionFilterProp="label" options={channelOptions(locale)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="chainNodeCode" label={t('leads.field.chainNode')}>
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeData={chainOptions(chain.data ?? [], locale, { valueOf: (n) => n.code })}
            treeDefaultExpandAll
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="ownerId" label={t('leads.field.owner')} extra={t('leads.field.ownerHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={owners.isPending}
            options={(owners.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="plannedInvestment"
          label={t('leads.field.plannedInvestment')}
          extra={t('enterprise.amountHint')}
        >
          <Input autoComplete="off" placeholder={t('enterprise.amountPlaceholder')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="spaceUnitType" label={t('leads.field.spaceUnitType')}>
          <Select allowClear options={unitTypeOptions(locale)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="spaceArea" label={t('leads.field.spaceArea')}>
          <InputNumber<number> min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="spaceRequirements" label={t('leads.field.spaceRequirements')}>
          <Select mode="multiple" allowClear options={requirementOptions(locale)} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="spaceNotes" label={t('leads.field.spaceNotes')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="expectedJobs" label={t('leads.field.expectedJobs')}>
          <InputNumber<number> min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="expectedAnnualTax"
          label={t('leads.field.expectedAnnualTax')}
          extra={t('enterprise.amountHint')}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="nextFollowUpOn" label={t('leads.field.nextFollowUpOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="notes" label={t('leads.field.notes')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 实际到资: each arrival of capital, with its date and amount (the total grows over time). */
export function CapitalFields() {
  const { t } = useI18n();
  const required = { required: true, message: t('common.required') };
  return (
    <ListSection name="capital" title={t('leads.field.capital')} addLabel={t('leads.form.addCapital')}>
      {(field) => (
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name={[field.name, 'arrivedOn']} label={t('leads.field.arrivedOn')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={[field.name, 'amount']} label={t('leads.field.amount')} rules={[required]}>
              <Input autoComplete="off" placeholder={t('enterprise.amountPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={[field.name, 'note']} label={t('leads.field.capitalNote')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </ListSection>
  );
}
