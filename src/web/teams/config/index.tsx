// The meeting tab's configuration page.
import { boot } from '../boot';
import { ConfigPage } from './ConfigPage';

void boot('config', ({ host }) => <ConfigPage host={host} pageUrl={location.href} />);
