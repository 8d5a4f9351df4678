import { useTranslation } from 'react-i18next';
import type { Package } from '../../../../../shared/domain/picking';
import { formatDateTimeShort } from '../../../components/formatting';
import { StatusBadge } from '../../../components/StatusBadge';

/** An order's closed packages; each number opens the shipment's own page. */
export function PackedPackages({ packages }: { packages: Package[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-label={t('picking.pack.packages')}>
      <h2>{t('picking.pack.packages')}</h2>
      {packages.length === 0 ? (
        <p className="muted">{t('picking.pack.noPackages')}</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('picking.pack.package')}</th>
              <th scope="col" className="num">
                {t('shipments.ship.weight')}
              </th>
              <th scope="col" className="num">
                {t('picking.pack.size', { length: 'L', width: 'W', height: 'H' })}
              </th>
              <th scope="col" className="num">
                {t('picking.pack.units')}
              </th>
            </tr>
          </thead>
          <tbody>
            {packages.map((p) => (
              <tr
                key={p.id}
                title={p.packedAt ? t('picking.pack.packedAt', { at: formatDateTimeShort(p.packedAt) }) : undefined}
              >
                <td>
                  <span className="cell-controls">
                    <a href={`#/shipments/${p.id}`} className="mono">
                      {p.number}
                    </a>
                    <StatusBadge status={p.stage} label={t(`picking.pack.stages.${p.stage}`)} />
                  </span>
                </td>
                <td className="num">{p.weightGrams}</td>
                <td className="num">{p.lengthMm !== null && `${p.lengthMm} × ${p.widthMm} × ${p.heightMm}`}</td>
                <td className="num">{p.lines.reduce((sum, l) => sum + l.quantity, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
