// The frame every front-end page renders in: the Fluent theme the host asks for and the language.
import { FluentProvider, teamsHighContrastTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { I18nProvider, type Lang } from '../i18n';

export type ThemeName = 'light' | 'high-contrast';

const THEMES: Record<ThemeName, Theme> = { light: webLightTheme, 'high-contrast': teamsHighContrastTheme };

/** True when the operating system forces colours (Windows contrast themes, which Office follows). */
export function forcedColorsActive(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(forced-colors: active)').matches === true;
}

export function AppShell({ lang, theme, children }: { lang: Lang; theme: ThemeName; children: ReactNode }) {
  return (
    <FluentProvider theme={THEMES[theme]} lang={lang === 'sv' ? 'sv-SE' : 'en'}>
      <I18nProvider lang={lang}>{children}</I18nProvider>
    </FluentProvider>
  );
}
