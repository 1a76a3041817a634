import { App, Button, Card, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useVisitPlanMutations } from './visits-api';

/** 走访计划 (admin): how often each company should be visited a year, unless it has a target of its own. */
export function VisitPlanCard({ defaultTarget }: { defaultTarget: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const { setDefault } = useVisitPlanMutations();
  // What the admin typed; until then the saved target shows.
  const [typed, setTyped] = useState<number | null | undefined>(undefined);
  const value = typed === undefined ? defaultTarget : typed;
  const save = () => {
    if (value === null) return;
    setDefault.mutate(value, {
      onSuccess: () => {
        setTyped(undefined);
        void message.success(t('coverage.planSaved'));
      },
      onError: (error) => showProblem(error),
    });
  };
  return (
    <Card title={t('coverage.plan')} size="small">
      <Space wrap>
        <span>{t('coverage.defaultTarget')}</span>
        <InputNumber
          min={0}
          max={52}
          precision={0}
          value={value}
          onChange={(v) => setTyped(v)}
          aria-label={t('coverage.defaultTarget')}
          data-testid="coverage-default-target"
        />
        <Button
          type="primary"
          onClick={save}
          loading={setDefault.isPending}
          disabled={value === null || value === defaultTarget}
          data-testid="coverage-default-target-save"
        >
          {t('common.save')}
        </Button>
        <Typography.Text type="secondary">{t('coverage.defaultTargetHint')}</Typography.Text>
      </Space>
    </Card>
  );
}
