import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { leadColumnTitle, OPTIONAL_LEAD_COLUMNS } from './lead-columns';

interface Props {
  visible: string[];
  onChange: (visible: string[]) => void;
}

/** A checkbox per optional column of the lead table, in a dropdown panel. */
export function LeadColumnChooser({ visible, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      arrow={false}
      content={
        <Checkbox.Group
          value={visible}
          onChange={(next) => onChange(OPTIONAL_LEAD_COLUMNS.filter((key) => next.includes(key)))}
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={OPTIONAL_LEAD_COLUMNS.map((key) => ({ value: key, label: leadColumnTitle(key, t) }))}
          data-testid="lead-column-chooser"
        />
      }
    >
      <Button icon={<SettingOutlined />}>{t('leads.columns')}</Button>
    </Popover>
  );
}
