import { useParams } from 'react-router-dom';
import { LeadRecord } from './LeadRecord';

/** /leads/:id */
export function LeadDetailPage() {
  const { id } = useParams();
  // Remounting per id drops the previous lead's dialogs and tab state.
  return id ? <LeadRecord key={id} id={id} /> : null;
}
