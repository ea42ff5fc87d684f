// Finding a Fluent dialog under jsdom. With no layout, tabster may mark a just-opened dialog aria-hidden
// (microsoft/fluentui#33897), more or less often as the page around it changes, so a plain findByRole
// misses it now and then. The dialog is still looked up by its role and accessible name, including
// nodes hidden from the accessibility tree; the Chromium suites check the real tree with axe.
import { screen } from '@testing-library/react';

export function findDialog(name: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole('dialog', { name, hidden: true });
}
