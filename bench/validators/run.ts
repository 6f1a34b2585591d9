/** The validators section of the bench, alone: `npx tsx --conditions=@sip-endpoints/source bench/validators/run.ts`. */
import { runValidatorsBench } from './section.ts';

await runValidatorsBench();
