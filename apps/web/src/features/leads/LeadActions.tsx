import { ArrowLeftOutlined, EditOutlined, FlagOutlined, HomeOutlined, MessageOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PATHS } from '../../app/access';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { ActivityFormModal } from './ActivityFormModal';
import { LandModal } from './LandModal';
import { canWorkLeads, isPastSigned } from './lead-format';
import { LeadFormDrawer } from './LeadFormDrawer';
import type { LeadDetail } from './lead-types';
import { useStageMove } from './use-stage-move';

type Open = 'edit' | 'activity' | 'land' | null;

/** 变更阶段, 记录跟进, 编辑 and 登记落地, each for the roles that work the pipeline. */
export function LeadActions({ lead }: { lead: LeadDetail }) {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { start, dialogs } = useStageMove();
  const [open, setOpen] = useState<Open>(null);
  const worker = canWorkLeads(user.role);

  // Back to the board or list one came from (its filters are in that URL), or to the board from a shared link.
  const back = () => {
    const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    void (index > 0 ? navigate(-1) : navigate(PATHS.leads));
  };

  return (
    <Space wrap>
      <Button icon={<ArrowLeftOutlined />} onClick={back}>
        {t('common.back')}
      </Button>
      {worker && (
        <>
          <Button type="primary" icon={<FlagOutlined />} onClick={() => void start(lead)}>
            {t('leads.action.move')}
          </Button>
          <Button icon={<MessageOutlined />} onClick={() => setOpen('activity')}>
            {t('leads.action.activity')}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => setOpen('edit')}>
            {t('common.edit')}
          </Button>
          {isPastSigned(lead.stage) && !lead.enterpriseId && (
            <Button icon={<HomeOutlined />} onClick={() => setOpen('land')}>
              {t('leads.action.land')}
            </Button>
          )}
        </>
      )}
      {dialogs}
      <LeadFormDrawer target={open === 'edit' ? lead : null} onClose={() => setOpen(null)} />
      <ActivityFormModal lead={lead} open={open === 'activity'} onClose={() => setOpen(null)} />
      <LandModal lead={lead} open={open === 'land'} onClose={() => setOpen(null)} />
    </Space>
  );
}
