// The tokens of the signed-in user, kept for this tab (they survive a reload, not the closing of the tab).
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

const KEY = 'sentinel.session';
const listeners = new Set<() => void>();

export function loadTokens(): Tokens | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Tokens | null;
    return value && typeof value.accessToken === 'string' && typeof value.refreshToken === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveTokens(tokens: Tokens): void {
  sessionStorage.setItem(KEY, JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }));
  listeners.forEach((listener) => listener());
}

export function clearTokens(): void {
  sessionStorage.removeItem(KEY);
  listeners.forEach((listener) => listener());
}

export function onTokensChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
