import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';

interface Props<K extends string> {
  /** Every optional column, in the table's order. */
  columns: readonly K[];
  title: (key: K) => string;
  /** The button's text. */
  label: string;
  visible: string[];
  onChange: (visible: K[]) => void;
  testId?: string;
}

/** A checkbox per optional column of a list, in a dropdown panel (the choice keeps the table's column order). */
export function ColumnChooser<K extends string>({ columns, title, label, visible, onChange, testId }: Props<K>) {
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      arrow={false}
      content={
        <Checkbox.Group
          value={visible}
          onChange={(next) => onChange(columns.filter((key) => next.includes(key)))}
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={columns.map((key) => ({ value: key, label: title(key) }))}
          data-testid={testId ?? 'column-chooser'}
        />
      }
    >
      <Button icon={<SettingOutlined />}>{label}</Button>
    </Popover>
  );
}
