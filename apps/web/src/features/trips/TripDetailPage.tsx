import { useParams } from 'react-router-dom';
import { TripRecord } from './TripRecord';

/** /trips/:id */
export function TripDetailPage() {
  const { id } = useParams();
  // Remounting per id drops the previous trip's dialogs.
  return id ? <TripRecord key={id} id={id} /> : null;
}
