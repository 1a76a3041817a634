import { useParams } from 'react-router-dom';
import { EnterpriseRecord } from './EnterpriseRecord';

/** /enterprises/:id */
export function EnterpriseDetailPage() {
  const { id } = useParams();
  // Remounting per id drops the previous record's drawer and tab state.
  return id ? <EnterpriseRecord key={id} id={id} /> : null;
}
