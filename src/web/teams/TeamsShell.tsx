// The frame of every Teams page: Teams' own Fluent theme (light, dark or high contrast), following the
// host live, and the language from the host's locale. Components use design tokens only, so a theme
// switch restyles everything.
import { FluentProvider, makeStyles, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, tokens, type Theme } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nProvider, type Lang } from '../shared/i18n';
import type { TeamsHost, ThemeName } from './host';

const THEMES: Record<ThemeName, Theme> = { light: teamsLightTheme, dark: teamsDarkTheme, 'high-contrast': teamsHighContrastTheme };

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
});

/** The host's theme, re-rendering when the host switches it. */
export function useHostTheme(host: Pick<TeamsHost, 'theme' | 'onThemeChange'>): ThemeName {
  const [theme, setTheme] = useState<ThemeName>(() => host.theme());
  useEffect(() => {
    setTheme(host.theme());
    return host.onThemeChange(setTheme);
  }, [host]);
  return theme;
}

export function TeamsShell({ host, lang, children }: { host: Pick<TeamsHost, 'theme' | 'onThemeChange'>; lang: Lang; children: ReactNode }) {
  const theme = useHostTheme(host);
  return (
    <FluentProvider theme={THEMES[theme]} lang={lang === 'sv' ? 'sv-SE' : 'en'} data-theme={theme}>
      <ShellBackground>
        <I18nProvider lang={lang}>{children}</I18nProvider>
      </ShellBackground>
    </FluentProvider>
  );
}

function ShellBackground({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <div className={styles.root}>{children}</div>;
}
