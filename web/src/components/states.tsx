// The three states every view has besides its data: loading, empty and error.
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    const details = error.problem.errors?.map((item) => `${item.path}: ${item.message}`).join('; ');
    return details ? `${error.message} (${details})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="state error" role="alert">
      <span>{messageOf(error)}</span>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Renders loading, error, or the data with `render`. */
export function QueryView<T>({ query, what, children }: { query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown }; what: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading what={what} />;
  if (query.error || query.data === undefined) return <ErrorNote error={query.error ?? new Error(`no ${what}`)} retry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
