// The development start page: every surface in its standalone host, for whom it is, and a five-minute
// walk through the product. Served only by a server started with the development setting.
import { Body1, Caption1, Card, CardHeader, FluentProvider, Link, makeStyles, Select, Field, Subtitle2, Title2, tokens, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../shared/i18n';
import { SURFACES, WALKTHROUGH } from './surfaces';

const useStyles = makeStyles({
  page: { maxWidth: '960px', margin: '0 auto', padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: tokens.spacingHorizontalL, listStyleType: 'none', padding: 0, margin: 0 },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  notice: { padding: tokens.spacingVerticalM, backgroundColor: tokens.colorPaletteYellowBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder1}`, borderRadius: tokens.borderRadiusMedium },
});

const TEXT = {
  sv: {
    title: 'Mötescheck – lokal utvecklingsmiljö', language: 'Språk',
    intro: 'Alla ytor körs här utan Microsoft 365: varje sida har ett eget fristående värdläge och loggar in som en demoanvändare. Byt användare på varje sida.',
    notice: 'Utvecklingsläge: lokal inloggning, demoanvändare och en lokal ersättare för Microsoft Graph är påslagna. Använd aldrig riktiga personuppgifter här.',
    surfaces: 'Ytor', walkthrough: 'Prova på fem minuter', open: 'Öppna', forWhom: 'För',
  },
  en: {
    title: 'Mötescheck – local development', language: 'Language',
    intro: 'Every surface runs here without Microsoft 365: each page has its own standalone host and signs in as a demo user. Switch users on each page.',
    notice: 'Development mode: local sign-in, demo users and a local stand-in for Microsoft Graph are on. Never use real personal data here.',
    surfaces: 'Surfaces', walkthrough: 'Try it in five minutes', open: 'Open', forWhom: 'For',
  },
};

export function StartPage({ initialLang = 'sv' }: { initialLang?: Lang }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = TEXT[lang];
  const withLang = (href: string) => `${href}${href.includes('?') ? '&' : '?'}lang=${lang === 'en' ? 'en-GB' : 'sv-SE'}`;
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={styles.page} lang={lang}>
        <Title2 as="h1">{t.title}</Title2>
        <Field label={t.language} style={{ maxWidth: '200px' }}>
          <Select value={lang} onChange={(_, d) => setLang(d.value === 'en' ? 'en' : 'sv')}>
            <option value="sv">Svenska</option>
            <option value="en">English</option>
          </Select>
        </Field>
        <p className={styles.notice} role="note">{t.notice}</p>
        <Body1>{t.intro}</Body1>
        <section aria-labelledby="walkthrough">
          <Subtitle2 as="h2" id="walkthrough">{t.walkthrough}</Subtitle2>
          <ol className={styles.steps}>{WALKTHROUGH.map((step, i) => <li key={i}><Body1>{step[lang]}</Body1></li>)}</ol>
        </section>
        <section aria-labelledby="surfaces">
          <Subtitle2 as="h2" id="surfaces">{t.surfaces}</Subtitle2>
          <ul className={styles.grid}>
            {SURFACES.map((s) => (
              <li key={s.id}>
                <Card>
                  <CardHeader
                    header={<Link href={withLang(s.href)}><strong>{s.title[lang]}</strong></Link>}
                    description={<Caption1>{t.forWhom}: {s.who[lang]}</Caption1>}
                  />
                  <Body1>{s.description[lang]}</Body1>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </FluentProvider>
  );
}
