// The personal tabs' page (Mina bedömningar, Att godkänna, Inställningar, Rapporter).
import { boot } from '../boot';
import { PersonalApp } from './PersonalApp';

void boot('personal', ({ host, api, displayName }) => <PersonalApp host={host} api={api} accountability={api} displayName={displayName} />);
