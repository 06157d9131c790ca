// Ctrl-C once: stop sending, finish what is in flight, report what ran. Twice: leave now.
import { EXIT_ERROR } from '../core/errors.js';

export interface Interrupt {
  signal: AbortSignal;
  /** Stops listening for Ctrl-C (call when the work is over). */
  dispose(): void;
}

/** `message` is printed on the first Ctrl-C: what the command does now. */
export function listenForInterrupt(message: string): Interrupt {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT_ERROR);
    process.stderr.write(`\nsentinel: ${message} (Ctrl-C again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}
