import { Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import type { Id } from '../../api/types';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { industryClassOptions } from '../enterprises/industry-options';
import { CHAIN_SEGMENTS, useChainNodeMutations, type ChainNodeRecord, type ChainSegment } from './chain-api';
import { chainNodeName, chainOptions, segmentLabel, subtreeIds } from './chain-tree';

/** Create under a segment (and a parent), or edit a node. */
export type ChainFormTarget = { segment: ChainSegment; parent?: ChainNodeRecord } | { node: ChainNodeRecord };

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  segment: ChainSegment;
  parentId?: string | null;
  industryCodes?: string[];
  keywords?: string[];
  sort?: number | null;
}

interface Props {
  target: ChainFormTarget | null;
  nodes: ChainNodeRecord[];
  onClose: () => void;
}

export function ChainNodeFormModal({ target, nodes, onClose }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const showProblem = useShowProblem();
  const { create, update } = useChainNodeMutations();
  const editing = target && 'node' in target ? target.node : null;
  const parentId = Form.useWatch('parentId', form);

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if ('node' in target) {
      const { node } = target;
      form.setFieldsValue({
        code: node.code,
        nameZh: node.nameZh,
        nameEn: node.nameEn,
        segment: node.segment,
        parentId: node.parentId === null ? null : String(node.parentId),
        industryCodes: node.industryCodes,
        keywords: node.keywords,
        sort: node.sort,
      });
    } else {
      form.setFieldsValue({
        segment: target.parent?.segment ?? target.segment,
        parentId: target.parent ? String(target.parent.id) : null,
      });
    }
  }, [target, form]);

  const byId = useMemo(() => new Map(nodes.map((n) => [String(n.id), n])), [nodes]);
  const parentOptions = useMemo(
    () =>
      chainOptions(nodes, locale, {
        valueOf: (n) => String(n.id),
        exclude: editing ? subtreeIds(nodes, editing.id) : undefined,
      }),
    [nodes, locale, editing],
  );

  // A child lives in its parent's segment.
  const onValuesChange = (changed: Partial<Values>) => {
    const parent = changed.parentId ? byId.get(changed.parentId) : undefined;
    if (parent) form.setFieldsValue({ segment: parent.segment });
  };

  const onFinish = (values: Values) => {
    const fields = {
      nameZh: values.nameZh.trim(),
      nameEn: values.nameEn.trim(),
      segment: values.segment,
      parentId: (values.parentId ?? null) as Id | null,
      industryCodes: values.industryCodes ?? [],
      keywords: (values.keywords ?? []).map((k) => k.trim()).filter(Boolean),
      ...(values.sort === null || values.sort === undefined ? {} : { sort: values.sort }),
    };
    const done = { onSuccess: onClose, onError: (error: unknown) => showProblem(error, form) };
    if (editing) update.mutate({ id: editing.id, version: editing.version, ...fields }, done);
    else create.mutate({ code: values.code.trim(), ...fields }, done);
  };

  const required = { required: true, message: t('common.required') };
  const parentName = target && 'parent' in target && target.parent ? chainNodeName(target.parent, locale) : null;
  const title = editing
    ? t('chain.edit', { name: chainNodeName(editing, locale) })
    : parentName
      ? t('chain.createUnder', { name: parentName })
      : t('chain.create');

  return (
    <Modal
      open={target !== null}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={onValuesChange} name="chain-node-form">
        <Form.Item
          name="code"
          label={t('chain.code')}
          rules={editing ? [] : [required, { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('chain.codePattern') }]}
        >
          <Input disabled={editing !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('chain.nameZh')} rules={[required]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('chain.nameEn')} rules={[required]}>
          <Input />
        </Form.Item>
        <Form.Item name="parentId" label={t('chain.parent')} extra={t('chain.parentHint')}>
          <TreeSelect allowClear treeDefaultExpandAll treeData={parentOptions} />
        </Form.Item>
        <Form.Item name="segment" label={t('chain.segment')} rules={[required]}>
          <Select
            disabled={Boolean(parentId)}
            options={CHAIN_SEGMENTS.map((s) => ({ value: s, label: segmentLabel(s, locale) }))}
          />
        </Form.Item>
        <Form.Item name="industryCodes" label={t('chain.industryCodes')} extra={t('chain.industryCodesHint')}>
          <Select mode="tags" options={industryClassOptions(locale)} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="keywords" label={t('chain.keywords')} extra={t('chain.keywordsHint')}>
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="sort" label={t('chain.sort')}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
