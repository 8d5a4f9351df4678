import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { useApi } from '../api/ApiContext';

/** Which database is open, over which connection, and who is signed in. */
export function StatusLine() {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const [info, setInfo] = useState<OutputOf<'system.info'> | null>(null);

  useEffect(() => {
    void client.system.info({}).then(setInfo, () => setInfo(null));
  }, [client]);

  return (
    <footer className="status-line" aria-label={t('status.database')}>
      <span title={info?.databasePath}>
        {t('status.database')}: <strong data-testid="database-path">{info?.databasePath ?? '…'}</strong>
      </span>
      <span>
        {t('status.schema')}: {info?.schemaVersion ?? '…'}
      </span>
      <span>
        {t('status.connection')}: {info ? t(`status.${info.transport}`) : '…'}
      </span>
      <span className="status-line__spacer" />
      {user && <span>{t('status.signedInAs', { name: user.displayName, role: t(`roles.${user.role}`) })}</span>}
      <span>
        {t('status.version')} {info?.version ?? ''}
      </span>
    </footer>
  );
}
