import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `<title>` to "page – SLT", so every page is told apart in tabs and by screen readers. */
export function useDocumentTitle(page: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = page ? `${page} – ${t('app.title')}` : t('app.title');
  }, [page, t]);
}
