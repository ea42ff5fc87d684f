// The on-send handler's bundle: ONE self-contained ES2016 file for classic Outlook's JavaScript-only
// runtime (no DOM, no module loader), plus the page the other Outlook clients load it from.
// `npm run build:onsend` → dist/web/outlook/onsend.js and onsend.html.
const path = require('node:path');
const fs = require('node:fs');
const webpack = require('webpack');
const { loadAppConfig } = require('./manifest/config.cjs');

class CopyOnSendPage {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyOnSendPage', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyOnSendPage', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const html = fs.readFileSync(path.resolve(__dirname, 'src/web/outlook/onsend/onsend.html'));
        compilation.emitAsset('onsend.html', new webpack.sources.RawSource(html));
      });
    });
  }
}

// `--env outDir=DIR` builds elsewhere (the tests build into a temporary folder).
module.exports = (env = {}, argv = {}) => {
  const config = loadAppConfig(process.env);
  return {
    mode: argv.mode || 'production',
    target: ['web', 'es2016'],
    entry: { onsend: './src/web/outlook/onsend/index.ts' },
    output: {
      path: env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'dist/web/outlook'),
      filename: '[name].js',
      iife: true,
      chunkFormat: false,
      chunkLoading: false,
      wasmLoading: false,
      workerChunkLoading: false,
      environment: { arrowFunction: true, const: true, destructuring: true, forOf: true, module: false, dynamicImport: false, asyncFunction: false, optionalChaining: false, templateLiteral: true },
    },
    // Everything in one file: no split chunks, no runtime chunk, nothing loaded later.
    optimization: { splitChunks: false, runtimeChunk: false },
    devtool: false,
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: {
            jsc: { parser: { syntax: 'typescript' }, target: 'es2016' },
            module: { type: 'es6' },
          },
        },
      }],
    },
    plugins: [
      new webpack.DefinePlugin({
        __MOTESCHECK_BASE_URL__: JSON.stringify(config.baseUrl),
        __ENTRA_CLIENT_ID__: JSON.stringify(config.entraClientId),
        __MOTESCHECK_API_SCOPE__: JSON.stringify(config.apiScope),
      }),
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new CopyOnSendPage(),
    ],
    performance: { hints: false },
  };
};
