import { ArrowLeft } from 'lucide-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { Product, ProductFamily, Supplier } from '../../../../shared/domain/catalog';
import { moneyInputValue, parseMoney } from '../../../../shared/money';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import { go } from '../../components/useHashPath';
import { ProductStock } from './ProductStock';

const MEASURES = ['weightGrams', 'lengthMm', 'widthMm', 'heightMm'] as const;
const WHOLE_NUMBERS = [...MEASURES, 'leadTimeDays', 'reorderPoint'] as const;

type Draft = {
  sku: string;
  name: string;
  barcode: string;
  description: string;
  unitPrice: string;
  taxClass: string;
  supplierId: string;
  allowBackorder: boolean;
  familyId: string;
  options: Record<string, string>;
} & Record<(typeof WHOLE_NUMBERS)[number], string>;

function toDraft(product: Product | null, currency: string): Draft {
  const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    sku: product?.sku ?? '',
    name: product?.name ?? '',
    barcode: product?.barcode ?? '',
    description: product?.description ?? '',
    unitPrice: product ? moneyInputValue(product.unitPrice, currency) : '',
    taxClass: product?.taxClass ?? 'standard',
    supplierId: product?.supplierId ?? '',
    allowBackorder: product?.allowBackorder ?? false,
    familyId: product?.familyId ?? '',
    options: product?.optionValues ?? {},
    weightGrams: number(product?.weightGrams),
    lengthMm: number(product?.lengthMm),
    widthMm: number(product?.widthMm),
    heightMm: number(product?.heightMm),
    leadTimeDays: number(product?.leadTimeDays),
    reorderPoint: number(product?.reorderPoint),
  };
}

/** Create or edit one product; for an existing one, its stock per location and its ledger below. */
export function ProductDetail({ productId }: { productId: string | null }) {
  const { t } = useTranslation();
  const { client, user, currency } = useApi();
  const [product, setProduct] = useState<Product | null>(null);
  const [suppliers, setSuppliers] = useState<Supplier[]>([]);
  const [families, setFamilies] = useState<ProductFamily[]>([]);
  const [newFamily, setNewFamily] = useState<{ handle: string; name: string; optionNames: string } | null>(null);
  // What the person typed; until then the form shows the product as loaded (or empty).
  const [edited, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const mayEdit = user?.role === 'owner' || user?.role === 'manager';

  const load = useCallback(() => {
    client.suppliers.list({}).then(setSuppliers, () => setSuppliers([]));
    // A family made here before the list arrives (a slow machine) stays in it.
    client.productFamilies.list({}).then(
      (list) => setFamilies((made) => [...list, ...made.filter((f) => !list.some((l) => l.id === f.id))]),
      () => undefined,
    );
    if (!productId) return;
    client.products.get({ id: productId }).then(
      (found) => {
        setProduct(found);
        setDraft(null);
      },
      (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }),
    );
  }, [client, productId, t]);
  useEffect(load, [load]);

  // After a receipt the average cost changes; what the person is typing stays.
  const refreshProduct = useCallback(() => {
    if (productId) client.products.get({ id: productId }).then(setProduct, () => undefined);
  }, [client, productId]);

  const draft = currency && (product || !productId) ? (edited ?? toDraft(product, currency)) : null;
  if (!draft || !currency) return <p className="muted">{t('common.loading')}</p>;
  // Each change builds on the latest edit, not on this render's copy: two quick changes
  // (a scanner, a fast typist) must not undo each other.
  const change = (update: (current: Draft) => Partial<Draft>) =>
    setDraft((current) => {
      const base = current ?? draft;
      return { ...base, ...update(base) };
    });
  const set = (key: keyof Draft) => (value: string | boolean) => change(() => ({ [key]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft || !currency) return;
    const found: FieldErrors = {};
    const price = parseMoney(draft.unitPrice, currency);
    if (price === null) found.unitPrice = t('validation.money');
    const numbers: Record<string, number | null> = {};
    for (const key of WHOLE_NUMBERS) {
      const text = draft[key].trim();
      if (text === '') numbers[key] = null;
      else if (/^\d+$/.test(text)) numbers[key] = Number(text);
      else found[key] = t('validation.wholeNumber');
    }
    const input = {
      sku: draft.sku,
      name: draft.name,
      barcode: draft.barcode.trim() || null,
      description: draft.description,
      unitPrice: price ?? 0,
      taxClass: draft.taxClass,
      supplierId: draft.supplierId || null,
      allowBackorder: draft.allowBackorder,
      familyId: draft.familyId || null,
      optionValues: draft.familyId ? draft.options : null,
      ...numbers,
    };
    const checked = checkForm(contract.products.create.input, input, t);
    if (!checked.ok || Object.keys(found).length > 0) {
      setErrors({ ...(checked.ok ? {} : checked.errors), ...found });
      setNotice({ kind: 'error', text: t('errors.VALIDATION') });
      return;
    }
    setBusy(true);
    try {
      const saved = product
        ? await client.products.update({ id: product.id, ...checked.data })
        : await client.products.create(checked.data);
      setErrors({});
      setNotice({ kind: 'success', text: t('stock.product.saved') });
      if (!product) go('stock', 'products', saved.id);
      else {
        setProduct(saved);
        setDraft(null);
      }
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setNotice({ kind: 'error', text: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  }

  async function toggleArchived() {
    if (!product || !currency) return;
    try {
      const saved = await client.products.update({
        id: product.id,
        status: product.status === 'active' ? 'archived' : 'active',
      });
      setProduct(saved);
      setDraft(null);
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t) });
    }
  }

  const family = families.find((f) => f.id === draft.familyId);

  async function createFamily() {
    if (!newFamily) return;
    const input = {
      handle: newFamily.handle,
      name: newFamily.name,
      optionNames: newFamily.optionNames
        .split(/[,，]/)
        .map((name) => name.trim())
        .filter(Boolean),
    };
    const checked = checkForm(contract.productFamilies.create.input, input, t);
    if (!checked.ok)
      return setErrors({
        ...errors,
        ...Object.fromEntries(Object.entries(checked.errors).map(([k, v]) => [`family.${k}`, v])),
      });
    try {
      const created = await client.productFamilies.create(checked.data);
      setFamilies((current) => [...current, created]);
      change(() => ({ familyId: created.id, options: {} }));
      setNewFamily(null);
    } catch (error) {
      setErrors({
        ...errors,
        ...Object.fromEntries(Object.entries(serverFieldErrors(error, t)).map(([k, v]) => [`family.${k}`, v])),
      });
    }
  }

  const field = (key: keyof Draft & string, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      label={label}
      value={String(draft[key])}
      onChange={(e) => set(key)(e.target.value)}
      error={errors[key]}
      {...extra}
    />
  );

  return (
    <div className="detail">
      <div className="detail__header">
        <a href="#/stock/products" className="button button--ghost">
          <ArrowLeft size={14} aria-hidden="true" />
          {t('stock.back')}
        </a>
        <h2>{product ? `${product.sku} · ${product.name}` : t('stock.product.titleNew')}</h2>
        <span className="toolbar__spacer" />
        {product && mayEdit && (
          <button type="button" className="button" onClick={() => void toggleArchived()}>
            {product.status === 'active' ? t('stock.product.archive') : t('stock.product.restore')}
          </button>
        )}
      </div>
      {product?.status === 'archived' && <Notice kind="info">{t('stock.product.archived')}</Notice>}
      <div className="detail__columns">
        <form className="panel" onSubmit={save} noValidate aria-label={t('stock.product.details')}>
          {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
          <fieldset disabled={!mayEdit || busy}>
            <legend>{t('stock.product.details')}</legend>
            <div className="form-grid">
              {field('sku', t('stock.sku'), { autoFocus: !product })}
              {field('barcode', t('stock.barcode'))}
              {field('name', t('stock.name'), { wide: true })}
              {field('description', t('stock.product.description'), { wide: true })}
            </div>
          </fieldset>
          <fieldset disabled={!mayEdit || busy}>
            <legend>{t('stock.product.pricing')}</legend>
            <div className="form-grid">
              {field('unitPrice', `${t('stock.product.unitPrice')} (${currency})`, { inputMode: 'decimal' })}
              {field('taxClass', t('stock.product.taxClass'))}
            </div>
          </fieldset>
          <fieldset disabled={!mayEdit || busy}>
            <legend>{t('stock.product.variant')}</legend>
            <div className="form-grid">
              <SelectField
                label={t('stock.family')}
                value={draft.familyId}
                onChange={(e) => {
                  const familyId = e.target.value;
                  change(() => ({ familyId, options: {} }));
                }}
                options={[
                  { value: '', label: t('stock.product.noFamily') },
                  ...families.map((f) => ({ value: f.id, label: `${f.name} (${f.optionNames.join(', ')})` })),
                ]}
                error={errors.familyId}
              />
              {!newFamily && (
                <div className="field field--action">
                  <button
                    type="button"
                    className="button"
                    onClick={() => setNewFamily({ handle: '', name: '', optionNames: '' })}
                  >
                    {t('stock.product.newFamily')}
                  </button>
                </div>
              )}
              {family?.optionNames.map((option) => (
                <TextField
                  key={option}
                  label={option}
                  value={draft.options[option] ?? ''}
                  onChange={(e) => {
                    const value = e.target.value;
                    change((current) => ({ options: { ...current.options, [option]: value } }));
                  }}
                  error={errors.optionValues}
                />
              ))}
            </div>
            {newFamily && (
              <div className="inline-form">
                <div className="form-grid form-grid--3">
                  <TextField
                    label={t('stock.product.familyName')}
                    value={newFamily.name}
                    onChange={(e) => setNewFamily({ ...newFamily, name: e.target.value })}
                    error={errors['family.name']}
                  />
                  <TextField
                    label={t('stock.product.familyHandle')}
                    value={newFamily.handle}
                    onChange={(e) => setNewFamily({ ...newFamily, handle: e.target.value })}
                    error={errors['family.handle']}
                  />
                  <TextField
                    label={t('stock.product.optionNames')}
                    value={newFamily.optionNames}
                    onChange={(e) => setNewFamily({ ...newFamily, optionNames: e.target.value })}
                    error={errors['family.optionNames']}
                  />
                </div>
                <div className="form-actions">
                  <button type="button" className="button button--primary" onClick={() => void createFamily()}>
                    {t('stock.product.createFamily')}
                  </button>
                  <button type="button" className="button" onClick={() => setNewFamily(null)}>
                    {t('users.cancel')}
                  </button>
                </div>
              </div>
            )}
          </fieldset>
          <fieldset disabled={!mayEdit || busy}>
            <legend>{t('stock.product.shipping')}</legend>
            <div className="form-grid form-grid--4">
              {MEASURES.map((key) => (
                <span key={key}>{field(key, t(`stock.product.${key}`), { inputMode: 'numeric' })}</span>
              ))}
            </div>
          </fieldset>
          <fieldset disabled={!mayEdit || busy}>
            <legend>{t('stock.product.replenishment')}</legend>
            <div className="form-grid">
              <SelectField
                label={t('stock.product.supplier')}
                value={draft.supplierId}
                onChange={(e) => set('supplierId')(e.target.value)}
                options={[
                  { value: '', label: t('stock.product.noSupplier') },
                  ...suppliers.map((s) => ({ value: s.id, label: s.name })),
                ]}
              />
              {field('leadTimeDays', t('stock.product.leadTimeDays'), { inputMode: 'numeric' })}
              {field('reorderPoint', t('stock.reorderPoint'), { inputMode: 'numeric' })}
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.allowBackorder}
                  onChange={(e) => set('allowBackorder')(e.target.checked)}
                />
                {t('stock.product.allowBackorder')}
              </label>
            </div>
          </fieldset>
          {mayEdit && (
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {product ? t('stock.product.save') : t('stock.product.create')}
              </button>
            </div>
          )}
        </form>
        {product && <ProductStock product={product} onChange={refreshProduct} />}
      </div>
    </div>
  );
}
