// jsdom leaves out TextEncoder, which the policy's hashing (and so the pane's join-URL hash) needs;
// every browser has it. Imported first by the DOM test files.
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
