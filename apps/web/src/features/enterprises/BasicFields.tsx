import { Col, DatePicker, Form, Input, Row, Select, TreeSelect } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { useChainNodes } from '../chain/chain-api';
import { chainOptions } from '../chain/chain-tree';
import { sizeOptions } from './enterprise-format';
import { useServiceOfficers } from './enterprises-api';
import { industryClassOptions } from './industry-options';

/** The company's own fields; `officerPicker` only for roles that can list the officers. */
export function BasicFields({ officerPicker }: { officerPicker: boolean }) {
  const { t, locale } = useI18n();
  const chain = useChainNodes();
  const officers = useServiceOfficers(officerPicker);
  const required = { required: true, message: t('common.required') };
  const half = { xs: 24, md: 12 };

  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name="name" label={t('enterprise.name')} rules={[required]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="uscc" label={t('enterprise.uscc')} rules={[required]} extra={t('enterprise.usccHint')}>
          <Input autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="legalRepresentative" label={t('enterprise.legalRepresentative')}>
          <Input />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="registeredCapital"
          label={t('enterprise.registeredCapital')}
          extra={t('enterprise.amountHint')}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="foundedOn" label={t('enterprise.foundedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="size" label={t('enterprise.size')}>
          <Select allowClear options={sizeOptions(locale)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="industryCode" label={t('enterprise.industryCode')}>
          <Select allowClear showSearch optionFilterProp="label" options={industryClassOptions(locale)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="park" label={t('enterprise.park')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="address" label={t('enterprise.address')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="businessScope" label={t('enterprise.businessScope')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="chainNodeCodes" label={t('enterprise.chainNodes')}>
          <TreeSelect
            multiple
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            treeData={chainOptions(chain.data ?? [], locale, { valueOf: (n) => n.code })}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="tags" label={t('enterprise.tags')} extra={t('enterprise.tagsHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="website" label={t('enterprise.website')}>
          <Input />
        </Form.Item>
      </Col>
      {officerPicker && (
        <Col {...half}>
          <Form.Item name="assignedOfficerId" label={t('enterprise.assignedOfficer')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={officers.isPending}
              options={(officers.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
            />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <Form.Item name="notes" label={t('enterprise.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
