import { ConsentList } from '@carillon/protocol/privacy';
import { CreateRightsRequestResult } from '@carillon/protocol/rights';
import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import {
  correctableFields,
  emptyFields,
  formKinds,
  requestBody,
  type FormKind,
  type RequestFields,
} from './request-body';
import { policyLang, useLoad } from './use-load';

/** A request just submitted, waiting for its confirmation code. */
export type CreatedRequest = z.infer<typeof CreateRightsRequestResult>;

/** Submits a data-rights request of any kind; the fields shown follow the kind chosen. */
export function NewRequestForm({ onCreated }: { onCreated: (created: CreatedRequest) => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const id = useId();
  const [kind, setKind] = useState<FormKind>('access');
  const [fields, setFields] = useState<RequestFields>(emptyFields);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const lang = policyLang(i18n.language);
  const consents = useLoad(
    useCallback(
      () => api.get('/api/privacy/consents', { query: { lang }, schema: ConsentList }),
      [api, lang],
    ),
  );
  const set = (key: keyof RequestFields) => (event: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: event.target.value }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(
        await api.post('/api/privacy/requests', {
          body: requestBody(kind, fields),
          schema: CreateRightsRequestResult,
        }),
      );
      setFields(emptyFields);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const textArea = (required: boolean) => (
    <div className="field">
      <label htmlFor={`${id}-text`}>{t(`privacy.requests.text.${kind}`)}</label>
      <textarea
        id={`${id}-text`}
        rows={3}
        maxLength={4000}
        required={required}
        value={fields.text}
        onChange={set('text')}
      />
    </div>
  );
  const withdrawable = (consents.value?.purposes ?? []).filter((p) => p.kind === 'additional');
  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      className="stack card"
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{t('privacy.requests.new')}</h2>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('privacy.requests.kindLabel')}</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(event) => setKind(event.target.value as FormKind)}
        >
          {formKinds.map((k) => (
            <option key={k} value={k}>
              {t(`privacy.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="hint">{t(`privacy.requests.explain.${kind}`)}</p>
      {kind === 'correct' ? (
        <>
          <div className="phone-row">
            <div className="field">
              <label htmlFor={`${id}-field`}>{t('privacy.requests.field')}</label>
              <select id={`${id}-field`} value={fields.field} onChange={set('field')}>
                {correctableFields.map((f) => (
                  <option key={f} value={f}>
                    {t(`privacy.profileField.${f}`)}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              label={t('privacy.requests.value')}
              value={fields.value}
              onChange={set('value')}
            />
          </div>
          {textArea(false)}
        </>
      ) : null}
      {kind === 'delete' ? (
        <>
          <TextField
            label={t('privacy.requests.categories')}
            hint={t('privacy.requests.categoriesHint')}
            value={fields.categories}
            onChange={set('categories')}
          />
          <div className="field">
            <label htmlFor={`${id}-items`}>{t('privacy.requests.items')}</label>
            <textarea id={`${id}-items`} rows={3} value={fields.items} onChange={set('items')} />
          </div>
        </>
      ) : null}
      {kind === 'restrict' ? (
        <>
          <TextField
            label={t('privacy.requests.category')}
            hint={t('privacy.requests.categoriesHint')}
            required
            value={fields.categories}
            onChange={set('categories')}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={fields.lift}
              onChange={(event) => setFields((f) => ({ ...f, lift: event.target.checked }))}
            />
            {t('privacy.requests.lift')}
          </label>
        </>
      ) : null}
      {kind === 'withdraw_consent' ? (
        <div className="field">
          <label htmlFor={`${id}-purpose`}>{t('privacy.requests.purpose')}</label>
          <select id={`${id}-purpose`} required value={fields.purpose} onChange={set('purpose')}>
            <option value="">{t('privacy.requests.choose')}</option>
            {withdrawable.map((p) => (
              <option key={p.purpose} value={p.purpose}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {kind === 'automated_decision' ? textArea(false) : null}
      {kind === 'complaint' ? textArea(true) : null}
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        {t('privacy.requests.submit')}
      </button>
    </form>
  );
}
