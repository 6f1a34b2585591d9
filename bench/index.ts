/**
 * `npm run bench`: runs each section in turn. A section is a module with one async function;
 * add a new one to SECTIONS (each case of a section should run in its own process).
 */
import { runValidatorsBench } from './validators/section.ts';

interface Section {
  title: string;
  run: () => Promise<void>;
}

const SECTIONS: readonly Section[] = [{ title: '@sip-endpoints/validators vs Ajv and zod', run: runValidatorsBench }];

for (const section of SECTIONS) {
  console.log(`\n▶ ${section.title}`);
  await section.run();
}
