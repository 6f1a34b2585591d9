/**
 * The size a user ships: packages/validators bundled with esbuild (the one tsx uses), minified,
 * then gzipped with node:zlib. Types are erased and `@sip-endpoints/types` is type-only, so
 * the bundle is the validators and their runtime alone.
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export async function measureBundle(root: string): Promise<{ minifiedBytes: number; gzipBytes: number }> {
  const result = await build({
    entryPoints: [path.join(root, 'packages/validators/src/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['@sip-endpoints/source'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}
