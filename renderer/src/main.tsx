import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startBrowserSession } from './api/browser-session';
import { SessionProblemScreen } from './frame/SessionProblemScreen';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

// Browser mode signs the tab in before anything calls the API; the desktop app passes straight through.
void startBrowserSession().then((session) =>
  root.render(<StrictMode>{session.ok ? <App /> : <SessionProblemScreen message={session.message} />}</StrictMode>),
);
