import { App, Button, InputNumber, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import type { BehindCompany } from './visit-types';
import { useVisitPlanMutations } from './visits-api';

/** An admin sets one company's own yearly target, or sends it back to the office's default. */
export function CompanyTargetButton({ company }: { company: BehindCompany }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const { setCompany } = useVisitPlanMutations();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<number | null>(company.target);

  const save = (yearlyVisitTarget: number | null) =>
    setCompany.mutate(
      { id: company.id, yearlyVisitTarget },
      {
        onSuccess: () => {
          void message.success(t('coverage.targetSaved', { name: company.name }));
          setOpen(false);
        },
        onError: (error) => showProblem(error),
      },
    );

  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setValue(company.target);
      }}
      title={t('coverage.companyTarget', { name: company.name })}
      content={
        <Space orientation="vertical">
          <Space>
            <InputNumber min={0} max={52} precision={0} value={value} onChange={setValue} />
            <Typography.Text type="secondary">{t('coverage.timesPerYear')}</Typography.Text>
          </Space>
          <Space>
            <Button
              type="primary"
              size="small"
              disabled={value === null}
              loading={setCompany.isPending}
              onClick={() => save(value)}
            >
              {t('common.save')}
            </Button>
            <Button size="small" loading={setCompany.isPending} onClick={() => save(null)}>
              {t('coverage.useDefault')}
            </Button>
          </Space>
        </Space>
      }
    >
      <Button type="link" size="small">
        {t('coverage.setTarget')}
      </Button>
    </Popover>
  );
}
