/**
 * The size a user ships: a package's entry bundled with esbuild (the one tsx uses), minified,
 * then gzipped with node:zlib. The package's own dependencies stay external, so each figure
 * is that package's code alone (`@sip-endpoints/types` is type-only and costs nothing).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface PackageSize {
  name: string;
  minifiedBytes: number;
  gzipBytes: number;
}

export async function measurePackage(root: string, folder: string): Promise<PackageSize> {
  const manifest = JSON.parse(readFileSync(path.join(root, 'packages', folder, 'package.json'), 'utf8'));
  const result = await build({
    entryPoints: [path.join(root, 'packages', folder, 'src/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    conditions: ['@sip-endpoints/source'],
    external: Object.keys(manifest.dependencies ?? {}),
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { name: manifest.name, minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

export const PACKAGE_FOLDERS = ['types', 'validators', 'client', 'mock-server'] as const;

export async function printPackageSizes(root: string): Promise<void> {
  console.log('\n  package                        minified   min+gzip');
  for (const folder of PACKAGE_FOLDERS) {
    const size = await measurePackage(root, folder);
    console.log(`  ${size.name.padEnd(30)} ${String(size.minifiedBytes).padStart(8)} B ${String(size.gzipBytes).padStart(8)} B`);
  }
}
