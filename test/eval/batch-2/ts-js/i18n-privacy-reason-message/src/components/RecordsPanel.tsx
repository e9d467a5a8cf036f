import React from 'react';
import { useTranslation } from 'react-i18next';

export function RecordsPanel({ available }: { available: boolean }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t('records.title')}</h2>
      {available ? <button>{t('records.downloadCta')}</button> : <p role="alert">{t('records.notAvailable')}</p>}
      <small>{t('records.help')}</small>
    </section>
  );
}
