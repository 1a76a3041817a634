import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { columnTitle, OPTIONAL_COLUMNS } from './enterprise-columns';

interface Props {
  visible: string[];
  onChange: (visible: string[]) => void;
}

/** A checkbox per optional column, in a dropdown panel. */
export function ColumnChooser({ visible, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      arrow={false}
      content={
        <Checkbox.Group
          value={visible}
          onChange={(next) => onChange(OPTIONAL_COLUMNS.filter((key) => next.includes(key)))}
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={OPTIONAL_COLUMNS.map((key) => ({ value: key, label: columnTitle(key, t) }))}
          data-testid="column-chooser"
        />
      }
    >
      <Button icon={<SettingOutlined />}>{t('enterprise.columns')}</Button>
    </Popover>
  );
}
