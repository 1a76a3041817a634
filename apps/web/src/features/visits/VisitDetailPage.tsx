import { useParams } from 'react-router-dom';
import { VisitRecord } from './VisitRecord';

/** /visits/:id */
export function VisitDetailPage() {
  const { id } = useParams();
  // Remounting per id drops the previous visit's dialogs.
  return id ? <VisitRecord key={id} id={id} /> : null;
}
