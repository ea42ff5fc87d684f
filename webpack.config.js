// Production build of the front-ends into dist/web/. Each page is one entry in PAGES (the Teams tabs
// and the start page are added there); the on-send handler has its own config (webpack.onsend.config.js).
// Deployment settings go into each page's <meta name="motescheck:…"> tags from the environment:
// MOTESCHECK_API_BASE_URL ('' = same origin), MOTESCHECK_CLIENT_ID, MOTESCHECK_API_SCOPE.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

/** Office.js must come from Microsoft's CDN: add-ins may not bundle it. */
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const PAGES = [
  // The development start page: every surface in its standalone host (served only in development).
  { name: 'index', entry: './src/web/start/index.tsx', title: 'Mötescheck – lokal utvecklingsmiljö' },
  { name: 'outlook/taskpane', entry: './src/web/outlook/taskpane/index.tsx', title: 'Mötescheck', officeJs: true },
  // Teams (and Outlook / the Microsoft 365 app for the personal tabs): teams-js is imported lazily, in the host only.
  { name: 'teams/personal', entry: './src/web/teams/personal/index.tsx', title: 'Mötescheck' },
  { name: 'teams/meeting', entry: './src/web/teams/meeting/index.tsx', title: 'Mötescheck – mötet' },
  { name: 'teams/config', entry: './src/web/teams/config/index.tsx', title: 'Mötescheck – lägg till i mötet' },
  // Development only: the approval cards for a demo user, rendered with adaptivecards (docs/approvals.md).
  { name: 'approval', entry: './src/web/approval/index.ts', title: 'Mötescheck – kort att godkänna' },
];

/** Static pages without script, in src/web/start/ (served in production too; the manifest names two of them). */
// The static information pages: one head (with the style sheet) and one footer (each page marked
// current in it), put into each page's template at build time.
const STATIC_PAGES = [
  { name: 'integritet', sv: 'Personuppgifter', en: 'Personal data', title: 'Behandling av personuppgifter – Mötescheck' },
  { name: 'villkor', sv: 'Användarvillkor', en: 'Terms of use', title: 'Användarvillkor – Mötescheck' },
  { name: 'tillganglighet', sv: 'Tillgänglighetsredogörelse', en: 'Accessibility statement', title: 'Tillgänglighetsredogörelse – Mötescheck' },
];
const staticPageHead = (title) => `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
${require('fs').readFileSync(path.resolve(__dirname, 'src/web/start/static-page.css'), 'utf8')}</style>
</head>`;
const staticPageFooter = (current) => `<footer>
<nav aria-label="Om Mötescheck">
<ul>
${STATIC_PAGES.map((p) => `  <li><a href="${p.name}.html"${p.name === current ? ' aria-current="page"' : ''}>${p.sv} <span lang="en">(${p.en})</span></a></li>`).join('\n')}
</ul>
</nav>
</footer>`;

const clientId = process.env.MOTESCHECK_CLIENT_ID ?? '';
const meta = {
  'motescheck:api-base-url': process.env.MOTESCHECK_API_BASE_URL ?? '',
  'motescheck:client-id': clientId,
  'motescheck:api-scope': process.env.MOTESCHECK_API_SCOPE ?? (clientId ? `api://${clientId}/access_as_user` : ''),
};

module.exports = (_env, argv = {}) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    target: ['web', 'es2020'],
    entry: Object.fromEntries(PAGES.map((p) => [p.name, p.entry])),
    output: {
      path: path.resolve(__dirname, 'dist/web'),
      publicPath: '/',
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? 'chunks/[name].[contenthash:8].js' : 'chunks/[name].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.[jt]sx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic' } },
                target: 'es2020',
              },
            },
          },
        },
      ],
    },
    optimization: {
      runtimeChunk: 'single',
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // React and Fluent's core (provider, theme tokens, styling engine, utilities) change rarely and every
          // page needs them: one chunk shared by every page, cached across deployments. Fluent's components
          // stay out of it, so a page loads only the components it uses (the default vendor split shares
          // them between pages); 'all' so that a page's lazy chunks use this chunk too instead of a copy.
          framework: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler|@griffel|keyborg|@swc[\\/]helpers|@fluentui[\\/](react-provider|react-theme|tokens|react-utilities|react-shared-contexts|react-jsx-runtime|react-tabster|react-aria|react-context-selector))[\\/]/,
            name: 'framework',
            chunks: 'all',
            priority: 20,
          },
          // The Outlook task pane's code for both hosts (TaskPane, the assessment editor, the Fluent components
          // they use) in one chunk: its two lazy chunks (index.tsx) then hold only what their host needs, and
          // the pane's first render waits for two requests instead of one for each combination of pages.
          outlookPane: {
            name: 'outlook-pane',
            chunks: (chunk) => chunk.name === 'office-pane' || chunk.name === 'standalone',
            minChunks: 2,
            priority: 10,
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false },
    devtool: production ? false : 'eval-source-map',
    plugins: [
      // The accessibility statement (tillgänglighetsredogörelse), the privacy notice and the terms of use
      // (the manifest's privacyUrl and termsOfUseUrl): static, no script.
      ...STATIC_PAGES.map(({ name, title }) => new HtmlWebpackPlugin({
        filename: `${name}.html`, template: `./src/web/start/${name}.html`, inject: false, minify: false,
        templateParameters: { head: staticPageHead(title), footer: staticPageFooter(name) },
      })),
    ].concat(PAGES.map((p) => new HtmlWebpackPlugin({
      filename: `${p.name}.html`,
      chunks: ['runtime', 'framework', p.name],
      title: p.title,
      meta: { viewport: 'width=device-width, initial-scale=1', ...meta },
      templateContent: ({ htmlWebpackPlugin }) => `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>${htmlWebpackPlugin.options.title}</title>
${p.officeJs ? `<script src="${OFFICE_JS}"></script>` : ''}
</head>
<body>
<div id="root"></div>
</body>
</html>`,
      scriptLoading: 'defer',
      inject: 'head',
    }))),
  };
};
