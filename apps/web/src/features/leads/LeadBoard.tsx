import type { LeadStage } from '@kaimen/shared';
import { Badge, Empty, Spin, Typography } from 'antd';
import { useState, type DragEvent } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { LEAD_DRAG_TYPE, LeadCard } from './LeadCard';
import { BOARD_STAGES, canWorkLeads, stageLabel } from './lead-format';
import type { BoardColumn, LeadSummary } from './lead-types';
import { useLeadBoard, type LeadFilters } from './leads-api';
import { useStageMove } from './use-stage-move';

/** Where the cards being moved show until the server has answered: a refused move puts them back. */
type Moving = Record<string, LeadStage>;

function placeCards(columns: BoardColumn[], moving: Moving): BoardColumn[] {
  const all = columns.flatMap((c) => c.items);
  return columns.map((column) => {
    const stays = column.items.filter((l) => !moving[String(l.id)] || moving[String(l.id)] === column.stage);
    const arrives = all.filter((l) => moving[String(l.id)] === column.stage && l.stage !== column.stage);
    const delta = arrives.length - (column.items.length - stays.length);
    return { ...column, total: column.total + delta, items: [...arrives, ...stays] };
  });
}

/** 看板: a column per stage (the pipeline, then 搁置 and 流失); a card dragged to another column moves the lead. */
export function LeadBoard({ filters }: { filters: LeadFilters }) {
  const { t, locale } = useI18n();
  const user = useUser();
  const board = useLeadBoard(filters);
  const { start, dialogs } = useStageMove();
  const [moving, setMoving] = useState<Moving>({});
  const [over, setOver] = useState<LeadStage | null>(null);
  const workable = canWorkLeads(user.role);

  if (board.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const served = board.data?.columns ?? [];
  const columns = placeCards(
    BOARD_STAGES.flatMap((stage) => served.filter((c) => c.stage === stage)),
    moving,
  );
  const byId = new Map<string, LeadSummary>(served.flatMap((c) => c.items.map((l) => [String(l.id), l])));

  const onDrop = (stage: LeadStage) => (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData(LEAD_DRAG_TYPE) || event.dataTransfer.getData('text/plain');
    const lead = byId.get(id);
    if (!lead || lead.stage === stage || moving[id]) return;
    const release = () => setMoving(({ [id]: _gone, ...rest }) => rest);
    // The card shows in its new column while the move is on its way, not while 流失 asks for the reason.
    if (stage !== 'lost') setMoving((m) => ({ ...m, [id]: stage }));
    void start(lead, stage, (moved) => {
      // A moved card stays where it was dropped until the board has been fetched again; a refused one goes back.
      if (moved) void board.refetch().then(release);
      else release();
    });
  };

  return (
    <>
      <div
        style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8, alignItems: 'flex-start' }}
        data-testid="lead-board"
      >
        {columns.map((column) => (
          <div
            key={column.stage}
            data-testid={`lead-column-${column.stage}`}
            aria-label={stageLabel(column.stage, locale)}
            onDragOver={(event) => {
              if (!workable) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
              if (over !== column.stage) setOver(column.stage);
            }}
            onDragLeave={() => setOver((s) => (s === column.stage ? null : s))}
            onDrop={onDrop(column.stage)}
            style={{
              flex: '0 0 232px',
              minHeight: 360,
              padding: 8,
              borderRadius: 8,
              background: over === column.stage ? '#e6f4ff' : column.stage === 'lost' ? '#fff1f0' : '#f5f5f5',
              outline: over === column.stage ? '2px dashed #1677ff' : undefined,
            }}
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
              <Typography.Text strong>{stageLabel(column.stage, locale)}</Typography.Text>
              <Badge count={column.total} showZero color="#8c8c8c" data-testid="column-total" />
            </div>
            {column.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leads.board.empty')} />
            ) : (
              column.items.map((lead) => <LeadCard key={String(lead.id)} lead={lead} draggable={workable} />)
            )}
            {column.total > column.items.length && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('leads.board.more', { count: column.total - column.items.length })}
              </Typography.Text>
            )}
          </div>
        ))}
      </div>
      {dialogs}
    </>
  );
}
