import { useHashPath } from '../../../components/useHashPath';
import { ShipmentDetail } from './ShipmentDetail';
import { ShipmentsGrid } from './ShipmentsGrid';
import { TrackingImport } from './TrackingImport';
import './shipments.css';

/** #/shipments the grid, #/shipments/import the carrier file, #/shipments/<id> one parcel. */
export function ShipmentsPanel() {
  const [, section] = useHashPath();
  if (section === 'import') return <TrackingImport />;
  if (section) return <ShipmentDetail key={section} id={section} />;
  return <ShipmentsGrid />;
}
