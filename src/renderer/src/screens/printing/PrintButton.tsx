import { Printer } from 'lucide-react';
import { useState } from 'react';
import type { DocumentKind } from '../../../../shared/domain/documents';
import { DocumentPreview } from './DocumentPreview';

/** A button that opens the preview of documents: an order's, a pick list, parcels' labels. */
export function PrintButton({
  kinds,
  ids: wanted,
  label,
  title,
  className = 'button',
}: {
  kinds: readonly DocumentKind[];
  /** What the kinds are printed from (`KIND_SUBJECTS`). */
  ids: string[];
  label: string;
  title: string;
  className?: string;
}) {
  // Kept as state: a new array each render would lay the documents out again each time.
  const [ids, setIds] = useState<string[] | null>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => setIds(wanted)}>
        <Printer size={14} aria-hidden="true" />
        {label}
      </button>
      {ids && <DocumentPreview ids={ids} kinds={kinds} title={title} onClose={() => setIds(null)} />}
    </>
  );
}
