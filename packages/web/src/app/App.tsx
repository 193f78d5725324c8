import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider, type createBrowserRouter } from 'react-router';
import { SessionProvider } from '../session/session-context';
import { ServicesProvider, type Services } from './services';

/** The whole client: services, language, session and the router. */
export function App({
  services,
  i18n,
  router,
}: {
  services: Services;
  i18n: i18n;
  router: ReturnType<typeof createBrowserRouter>;
}) {
  return (
    <ServicesProvider services={services}>
      <I18nextProvider i18n={i18n}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </I18nextProvider>
    </ServicesProvider>
  );
}
