// Saving and opening files the API made (CSV, JSON, a record's HTML): the calls carry a bearer token,
// so a plain link cannot fetch them; the page fetches and hands the browser the file.
import type { DownloadedFile } from './api';

/** Saves the file through a temporary download link. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens the file (a record page, which has no scripts) in a new window; false when the browser blocked it. */
export function openFile(file: DownloadedFile): boolean {
  const url = URL.createObjectURL(file.blob);
  const opened = window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return opened !== null;
}
