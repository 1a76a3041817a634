import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Form, type FormListFieldData } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/use-i18n';

interface Props {
  /** The form list's name, as in the request body (contacts, figures …). */
  name: string;
  title: string;
  addLabel: string;
  disabled?: boolean;
  /** A new row's starting values. */
  blank?: () => object;
  children: (field: FormListFieldData) => ReactNode;
}

/** A titled, growable list of rows in the enterprise form, one small card per row. */
export function ListSection({ name, title, addLabel, disabled = false, blank, children }: Props) {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start">{title}</Divider>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                data-testid={`${name}-row-${field.name}`}
                extra={
                  !disabled && (
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => remove(field.name)}
                    />
                  )
                }
                title={`${title} ${field.name + 1}`}
              >
                {children(field)}
              </Card>
            ))}
            {!disabled && (
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(blank?.())}>
                {addLabel}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </>
  );
}
