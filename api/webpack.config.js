const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');
// The minimizer @nx/webpack itself uses (a dependency of it and of webpack, not of this repo).
const TerserPlugin = require(
  require.resolve('terser-webpack-plugin', {
    paths: [require.resolve('@nx/webpack/package.json')],
  }),
);
const { AsciiOnlyPlugin } = require('./ascii-only-plugin');

/**
 * The bundle without comments and indentation, its local names shortened: V8 keeps a script's
 * source in the heap for the life of the process, and this one goes from 1.9 to 1.1 MB (the live
 * heap at rest 0.8 MB smaller, about 3 MB at the peak under load: docs/performance.md). Class and
 * function names are kept (Nest, TypeORM's migrations and the logs read them) and the code is not
 * rewritten (no `compress`). A stack trace points into the one-line bundle; main.js.map beside it
 * maps it back. Replaces the Nx plugin's minimizer, which renames functions.
 */
class MinifyKeepingNames {
  apply(compiler) {
    compiler.options.optimization.minimize = true;
    compiler.options.optimization.minimizer = [
      new TerserPlugin({
        extractComments: false,
        terserOptions: {
          compress: false,
          mangle: true,
          keep_classnames: true,
          keep_fnames: true,
          format: { comments: false, ascii_only: true },
        },
      }),
    ];
  }
}

module.exports = {
  output: {
    path: join(__dirname, '../dist/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      additionalEntryPoints: [{ entryName: 'cli', entryPath: './src/cli.ts' }],
      tsConfig: './tsconfig.app.json',
      assets: ['./src/assets'],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
    }),
    // Development builds stay readable.
    ...(process.env.NODE_ENV === 'production' ? [new MinifyKeepingNames()] : []),
    new AsciiOnlyPlugin(),
  ],
};
