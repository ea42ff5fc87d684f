// The meeting tab's page: side panel, details tab and meeting chat tab.
import { boot } from '../boot';
import { MeetingPanel } from './MeetingPanel';

void boot('meeting', ({ host, api, displayName }) => <MeetingPanel host={host} api={api} incidents={api} displayName={displayName} />);
