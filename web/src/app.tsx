// The shell: sign-in when there is no session (the address stays, so signing in returns to the same page),
// the forced password change of a generated admin, then the navigation and the page of the address.
import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { signOut } from './api/client.js';
import { ErrorNote, Loading } from './components/states.js';
import { ChangePassword } from './pages/change-password.js';
import { SignIn } from './pages/sign-in.js';
import type { Permission } from './permissions.js';
import { Link, matchPath, useLocation } from './router.js';
import { SessionProvider, useMe, useSession, useSignedIn } from './session.js';

type Page = ComponentType<{ params: Record<string, string> }>;

interface Route {
  pattern: string;
  title: string;
  page: Page;
  permission?: Permission;
}

const page = (load: () => Promise<{ default: Page }>) => lazy(load);

const ROUTES: Route[] = [
  { pattern: '/', title: 'Dashboard', page: page(() => import('./pages/dashboard.js')) },
  { pattern: '/specifications', title: 'Specifications', page: page(() => import('./pages/specifications.js')) },
  { pattern: '/specifications/:id', title: 'Specification', page: page(() => import('./pages/specification.js')) },
  { pattern: '/runs', title: 'Runs', page: page(() => import('./pages/runs.js')) },
  { pattern: '/runs/new', title: 'New run', page: page(() => import('./pages/new-run.js')), permission: 'test-runs:create' },
  { pattern: '/runs/:id', title: 'Run', page: page(() => import('./pages/run.js')) },
  { pattern: '/runs/:id/findings/:findingId', title: 'Finding', page: page(() => import('./pages/finding.js')) },
  { pattern: '/admin/users', title: 'Users', page: page(() => import('./pages/admin-users.js')), permission: 'users:read' },
  { pattern: '/admin/api-keys', title: 'API keys', page: page(() => import('./pages/admin-api-keys.js')), permission: 'api-keys:read' },
  { pattern: '/admin/audit', title: 'Audit log', page: page(() => import('./pages/admin-audit.js')), permission: 'audit-events:read' },
  { pattern: '/account/password', title: 'Change password', page: () => <ChangePassword /> },
];

export function App() {
  const signedIn = useSignedIn();
  const me = useMe();
  if (!signedIn) return <SignIn />;
  if (me.isPending) return <Loading what="your session" />;
  if (me.error || !me.data) return <ErrorNote error={me.error} retry={() => void me.refetch()} />;
  if (me.data.mustChangePassword) return <ChangePassword forced />;
  return (
    <SessionProvider me={me.data}>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const { path } = useLocation();
  const { me, can } = useSession();
  const found = ROUTES.map((route) => ({ route, params: matchPath(route.pattern, path) })).find((entry) => entry.params !== undefined);
  const title = found?.route.title ?? 'Not found';
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => {
    document.title = `${title} · Sentinel`;
    // A new page moves the focus to its content, as a full page load would.
    heading.current?.focus();
  }, [path, title]);
  const nav: { to: string; label: string; permission?: Permission }[] = [
    { to: '/', label: 'Dashboard' },
    { to: '/specifications', label: 'Specifications' },
    { to: '/runs', label: 'Runs' },
    { to: '/admin/users', label: 'Users', permission: 'users:read' },
    { to: '/admin/api-keys', label: 'API keys', permission: 'api-keys:read' },
    { to: '/admin/audit', label: 'Audit log', permission: 'audit-events:read' },
  ];
  const Page = found?.route.page;
  const allowed = found?.route.permission === undefined || can(found.route.permission);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Sentinel
        </Link>
        <nav aria-label="Main">
          <ul>
            {nav
              .filter((item) => item.permission === undefined || can(item.permission))
              .map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={isCurrent(item.to, path) ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className="account">
          <Link to="/account/password" title="Change your password">
            {me.username} ({me.role})
          </Link>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" ref={heading} tabIndex={-1}>
        <Suspense fallback={<Loading what="the page" />}>
          {Page && allowed ? <Page params={found!.params!} /> : <ErrorNote error={new Error(Page ? `Your role (${me.role}) cannot open this page.` : `No page at ${path}.`)} />}
        </Suspense>
      </main>
    </>
  );
}

function isCurrent(to: string, path: string): boolean {
  return to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`);
}
