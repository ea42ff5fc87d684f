// jsdom has no layout, so no ResizeObserver (Fluent's MessageBar and Card observe their size): an
// observer that never fires is exactly what a layout-free DOM would report. TextEncoder as for the pane.
import '../web/jsdomGlobals';
import { configure } from '@testing-library/react';

// The browser suites share the machine's two cores with these: give findBy… time to see a render.
configure({ asyncUtilTimeout: 5000 });

class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (!('ResizeObserver' in globalThis)) Object.assign(globalThis, { ResizeObserver: NoLayoutResizeObserver });
