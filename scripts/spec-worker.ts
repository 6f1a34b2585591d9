/**
 * The spec worker: lints and bundles `spec/` on its own thread (see `scripts/worker-thread.ts`),
 * so that Redocly's library is loaded natively, outside tsx's hooks, while the main thread
 * starts the other workers. Spec problems come back as data, to be reported like any other.
 */
import { serveOnce } from './worker-thread.ts';
import { lintAndBundle, SpecError } from './spec-check.ts';

export type SpecReply = { bundledText: string } | { problems: readonly string[] };

serveOnce<{ root: string }, SpecReply>(async ({ root }) => {
  try {
    return { bundledText: await lintAndBundle(root) };
  } catch (error) {
    if (error instanceof SpecError) return { problems: error.problems };
    throw error;
  }
});
