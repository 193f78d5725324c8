import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { ApiClient } from './api/api-client';
import { App } from './app/App';
import { appRoutes } from './app/routes';
import { createI18n } from './i18n/i18n';
import { ProfileCache } from './features/people/profile-cache';
import './styles.css';
import './ui/screens.css';

const languages = navigator.languages ?? [navigator.language];
const api = new ApiClient();
const services = {
  api,
  profiles: new ProfileCache(api),
  now: () => new Date().getTime(),
  languages,
};
const router = createBrowserRouter(appRoutes());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App services={services} i18n={createI18n(languages)} router={router} />
  </StrictMode>,
);

// The service worker caches the app shell so the client opens offline; only in built files.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js'));
}
