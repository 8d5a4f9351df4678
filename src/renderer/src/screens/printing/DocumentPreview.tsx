import { FileDown, Printer } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  documentRequest,
  isRoll,
  KIND_PAPERS,
  KIND_SUBJECTS,
  rollPageCss,
  setupFor,
  type DocumentKind,
  type DocumentSetups,
  type Paper,
  type PrinterInfo,
  type RenderedDocument,
} from '../../../../shared/domain/documents';
import { useApi } from '../../api/ApiContext';
import { downloadPdf, listPrinters, printOnDesktop, printsOnDesktop } from '../../api/printing';
import { SelectField } from '../../components/Field';
import { errorText } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import './printing.css';

/** A roll's pages get each receipt's measured length before the browser prints them. */
function fitRollPages(frame: HTMLIFrameElement, paper: Paper): void {
  const page = frame.contentDocument;
  if (!page || !isRoll(paper)) return;
  const heights = [...page.querySelectorAll('.oms-doc__one')].map(
    (section) => (section.getBoundingClientRect().height * 25.4) / 96,
  );
  const style = page.createElement('style');
  style.textContent = rollPageCss(paper, heights);
  page.head.append(style);
}

/**
 * Documents as they will print (one or many orders', a pick list, a parcel's label): the server's rendered page in a
 * frame, with the kind and paper to choose; printed or saved as PDF from that same page
 * (in the desktop app main prints it to the chosen printer, in a browser its dialog does).
 */
export function DocumentPreview({
  ids,
  title,
  kinds,
  onClose,
}: {
  /** What the kinds are printed from: orders, a pick list, shipments (`KIND_SUBJECTS`). */
  ids: string[];
  title: string;
  kinds: readonly DocumentKind[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [setups, setSetups] = useState<DocumentSetups | null>(null);
  const [kind, setKind] = useState<DocumentKind>(kinds[0]);
  const [paper, setPaper] = useState<Paper | null>(null);
  const [printers, setPrinters] = useState<PrinterInfo[]>([]);
  const [printer, setPrinter] = useState('');
  const [laidOut, setLaidOut] = useState<{ key: string; page: RenderedDocument } | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const desktop = printsOnDesktop();
  const firstKind = kinds[0];
  const key = `${kind}/${paper}`;
  // While another kind or paper is laid out, the old page is not shown as if it were it.
  const rendered = laidOut?.key === key ? laidOut.page : null;

  useEffect(() => {
    dialog.current?.showModal();
    client.settings.get({}).then(
      (settings) => {
        const setup = setupFor(settings.documentSetups, firstKind);
        setSetups(settings.documentSetups);
        setPaper(setup.paper);
        setPrinter(setup.printer);
      },
      (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }),
    );
    listPrinters().then(setPrinters, (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }));
  }, [client, t, firstKind]);

  useEffect(() => {
    if (!paper || !KIND_PAPERS[kind].includes(paper)) return;
    let current = true;
    client.documents.render(documentRequest(kind, ids, paper)).then(
      (page) => current && setLaidOut({ key: `${kind}/${paper}`, page }),
      (error: unknown) => current && setNotice({ kind: 'error', text: errorText(error, t) }),
    );
    return () => {
      current = false;
    };
  }, [client, kind, paper, ids, t]);

  /** A new kind starts on its own paper and printer from the settings. */
  function chooseKind(next: DocumentKind) {
    const setup = setupFor(setups ?? {}, next);
    setKind(next);
    setPaper(setup.paper);
    setPrinter(setup.printer);
  }

  async function run(action: 'print' | 'pdf') {
    if (!rendered) return;
    const request = documentRequest(kind, ids, rendered.paper);
    setBusy(true);
    setNotice(null);
    try {
      if (desktop) {
        const done = await printOnDesktop({ request, action, printer, silent: false });
        if (done.saved) setNotice({ kind: 'success', text: t('printing.preview.saved', { file: done.saved }) });
        if (done.printed) setNotice({ kind: 'success', text: t('printing.preview.printed') });
      } else if (action === 'pdf') {
        const file = await downloadPdf(request, `${rendered.title}.pdf`);
        setNotice({ kind: 'success', text: t('printing.preview.saved', { file }) });
      } else if (frame.current?.contentWindow) {
        fitRollPages(frame.current, rendered.paper);
        frame.current.contentWindow.print();
      }
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="document-preview" onClose={onClose} aria-labelledby="document-preview-title">
      <div className="document-preview__bar">
        <h2 id="document-preview-title">{title}</h2>
        <SelectField
          label={t('printing.preview.kind')}
          value={kind}
          onChange={(event) => chooseKind(event.target.value as DocumentKind)}
          options={kinds.map((value) => ({ value, label: t(`printing.kinds.${value}`) }))}
        />
        {paper && (
          <SelectField
            label={t('printing.preview.paper')}
            value={paper}
            onChange={(event) => setPaper(event.target.value as Paper)}
            options={KIND_PAPERS[kind].map((value) => ({ value, label: t(`printing.papers.${value}`) }))}
          />
        )}
        {desktop && (
          <SelectField
            label={t('printing.preview.printer')}
            value={printer}
            onChange={(event) => setPrinter(event.target.value)}
            options={[
              { value: '', label: t('printing.preview.systemDefault') },
              ...printers.map((p) => ({ value: p.name, label: p.displayName })),
            ]}
          />
        )}
        <span className="toolbar__spacer" />
        <button type="button" className="button" onClick={() => void run('pdf')} disabled={!rendered || busy}>
          <FileDown size={14} aria-hidden="true" />
          {t('printing.preview.savePdf')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void run('print')}
          disabled={!rendered || busy}
        >
          <Printer size={14} aria-hidden="true" />
          {t('printing.preview.print')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => dialog.current?.close()}>
          {t('printing.preview.close')}
        </button>
      </div>
      {ids.length > 1 && (
        <p className="muted">{t(`printing.preview.many.${KIND_SUBJECTS[kind]}`, { count: ids.length })}</p>
      )}
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {rendered ? (
        <iframe
          ref={frame}
          className="document-preview__frame"
          title={t('printing.preview.frame')}
          srcDoc={rendered.html}
          sandbox="allow-same-origin allow-modals"
        />
      ) : (
        <p className="document-preview__frame muted">{t('printing.preview.loading')}</p>
      )}
    </dialog>
  );
}
