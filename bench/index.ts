/**
 * `npm run bench`: every speed and size goal, each a ratio against an anchor measured in
 * the same run. A section is a module with one async function; add a new one to SECTIONS.
 * The machine is shared and noisy: read ratios, not absolute numbers, and rerun when in doubt.
 */
import { runClientBench } from './client.ts';
import { benchGenerate, printGenerateBench } from './generate.ts';
import { benchMockStore, printMockStoreBench } from './mock-store.ts';
import { printPackageSizes } from './package-size.ts';
import { benchScale, printScaleBench } from './scale.ts';
import { runValidatorsBench } from './validators/section.ts';

import { REPO_ROOT as ROOT } from '../scripts/repo-root.ts';

interface Section {
  title: string;
  run: () => Promise<void>;
}

const SECTIONS: readonly Section[] = [
  { title: '@sip-endpoints/validators vs Ajv and zod', run: runValidatorsBench },
  { title: 'npm run generate vs the anchor CLIs', run: async () => printGenerateBench(benchGenerate()) },
  { title: 'npm run generate at scale (resources, fields) vs the bare tools', run: async () => printScaleBench(benchScale()) },
  { title: '@sip-endpoints/client vs bare openapi-fetch', run: runClientBench },
  { title: 'mock: the store with 20,000 items vs an empty one', run: async () => printMockStoreBench(await benchMockStore()) },
  { title: 'package sizes (built JS, min+gzip)', run: () => printPackageSizes(ROOT) },
];

console.log(`npm run bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`);
for (const section of SECTIONS) {
  console.log(`\n▶ ${section.title}`);
  await section.run();
}
