import { Printer } from 'lucide-react';
import { useState } from 'react';
import type { DocumentKind } from '../../../../shared/domain/documents';
import { DocumentPreview } from './DocumentPreview';

/** A button that opens the preview of one thing's documents (an order's, a pick list, a parcel's label). */
export function PrintButton({
  kinds,
  id,
  label,
  title,
  className = 'button',
}: {
  kinds: readonly DocumentKind[];
  id: string;
  label: string;
  title: string;
  className?: string;
}) {
  // Kept as state: a new array each render would lay the documents out again each time.
  const [ids, setIds] = useState<string[] | null>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => setIds([id])}>
        <Printer size={14} aria-hidden="true" />
        {label}
      </button>
      {ids && <DocumentPreview ids={ids} kinds={kinds} title={title} onClose={() => setIds(null)} />}
    </>
  );
}
