// The development start page (dist/web/index.html).
import { createRoot } from 'react-dom/client';
import { StartPage } from './StartPage';

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
const lang = new URLSearchParams(location.search).get('lang')?.startsWith('en') ? 'en' : 'sv';
createRoot(root).render(<StartPage initialLang={lang} />);
