import { NEED_WORKFLOW, type NeedAction, type NeedActionField } from '@kaimen/shared';

/** Tag colours of the statuses: waiting (blue), being worked (cyan), answered (green), sent back (orange). */
export const STATUS_COLOR: Record<string, string> = {
  submitted: 'blue',
  accepted: 'geekblue',
  in_progress: 'cyan',
  resolved: 'green',
  confirmed: 'green',
  closed: 'default',
  returned: 'orange',
};

export const URGENCY_COLOR: Record<string, string> = { normal: 'default', urgent: 'orange', critical: 'red' };

/** The buttons in the order people read the workflow; comment is its own box under the timeline. */
export const ACTION_ORDER: NeedAction[] = [
  'accept',
  'start',
  'resolve',
  'confirm',
  'close',
  'resubmit',
  'return',
  'reassign',
  'escalate',
];

/** The primary button: the step that moves the need forward. */
export const PRIMARY_ACTIONS: ReadonlySet<NeedAction> = new Set([
  'accept',
  'start',
  'resolve',
  'confirm',
  'close',
  'resubmit',
]);

/** What the action's dialog asks for (from the shared workflow table), and whether it asks anything at all. */
export function actionFields(action: NeedAction): { fields: NeedActionField[]; needsDialog: boolean } {
  const fields = [...NEED_WORKFLOW[action].needs];
  // Resubmitting may go to another department; confirming may carry a word from the company.
  if (action === 'resubmit') fields.push('department');
  if (action === 'confirm') fields.push('text');
  return { fields, needsDialog: fields.length > 0 };
}

/** The actions to show as buttons, in reading order. */
export const buttonActions = (allowed: readonly NeedAction[]): NeedAction[] =>
  ACTION_ORDER.filter((a) => allowed.includes(a));
