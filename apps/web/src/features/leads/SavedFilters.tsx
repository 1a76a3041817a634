import { DeleteOutlined, SaveOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input, Modal, Space, type MenuProps } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import type { SavedFilter } from './lead-types';
import { LEAD_FILTER_KEYS, useSavedFilterMutations, useSavedFilters } from './leads-api';

/** The URL's filters (and the view) as a query string: what a saved filter keeps. */
const currentQuery = (params: URLSearchParams) => {
  const kept = new URLSearchParams();
  for (const key of LEAD_FILTER_KEYS) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  return kept.toString();
};

/** 常用筛选: save the current filters under a name, apply one, delete one (each user's own, kept on the server). */
export function SavedFilters() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showProblem = useShowProblem();
  const [params, setParams] = useSearchParams();
  const saved = useSavedFilters();
  const { save, remove } = useSavedFilterMutations();
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  const apply = (filter: SavedFilter) => setParams(new URLSearchParams(filter.query));
  const confirmRemove = (filter: SavedFilter) =>
    modal.confirm({
      title: t('leads.saved.deleteConfirm', { name: filter.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(filter.id).then(
          () => void message.success(t('common.deleted')),
          (error: unknown) => showProblem(error),
        ),
    });

  const onSave = async () => {
    const { name } = await form.validateFields();
    try {
      await save.mutateAsync({ name: name.trim(), query: currentQuery(params) });
      void message.success(t('leads.saved.done', { name: name.trim() }));
      setNaming(false);
    } catch (error) {
      showProblem(error, form);
    }
  };

  const items: MenuProps['items'] = [
    ...(saved.data ?? []).map((filter) => ({
      key: String(filter.id),
      label: (
        <Space style={{ display: 'flex', justifyContent: 'space-between', minWidth: 200 }}>
          <span>{filter.name}</span>
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('leads.saved.delete', { name: filter.name })}
            onClick={(event) => {
              event.stopPropagation();
              confirmRemove(filter);
            }}
          />
        </Space>
      ),
      onClick: () => apply(filter),
    })),
    ...((saved.data ?? []).length === 0 ? [{ key: 'none', label: t('leads.saved.none'), disabled: true }] : []),
    { type: 'divider' as const },
    {
      key: 'save',
      icon: <SaveOutlined />,
      label: t('leads.saved.saveCurrent'),
      onClick: () => {
        form.resetFields();
        setNaming(true);
      },
    },
  ];

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button icon={<StarOutlined />} loading={saved.isPending} data-testid="saved-filters">
          {t('leads.saved.button')}
        </Button>
      </Dropdown>
      <Modal
        open={naming}
        title={t('leads.saved.saveCurrent')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        onOk={() => void onSave()}
        onCancel={() => setNaming(false)}
        forceRender
      >
        <Form form={form} layout="vertical" name="saved-filter" onFinish={() => void onSave()}>
          <Form.Item
            name="name"
            label={t('leads.saved.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={60} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
