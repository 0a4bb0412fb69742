import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api';
import { App } from './app/App';
import { ConnectionLost } from './app/ConnectionLost';

const root = createRoot(document.getElementById('root')!);

connectApi().then(
  () =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  () => root.render(<ConnectionLost />),
);
