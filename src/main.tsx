import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { listStore } from './storage/store';
import { App } from './ui/App';
import { rememberedListId } from './ui/currentList';
import './ui/styles.css';

registerServiceWorker();

// the list the user last worked on starts loading now, while React mounts and the lists are read
const remembered = rememberedListId();
if (remembered) listStore(remembered);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
