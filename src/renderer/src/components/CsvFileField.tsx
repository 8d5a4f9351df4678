import { useId } from 'react';

/**
 * The file box of an import: a CSV (or text) file. `resetKey` changing empties it, after
 * an import, so the same file can be picked again.
 */
export function CsvFileField({
  label,
  resetKey,
  onFile,
}: {
  label: string;
  resetKey: number;
  onFile: (file: File | null) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        key={resetKey}
        id={id}
        type="file"
        accept=".csv,.txt,text/csv"
        style={{ paddingTop: 3 }}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
    </div>
  );
}
