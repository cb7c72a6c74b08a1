import { Suspense, lazy } from 'react';
import { t } from '../../lib/i18n/admin';
import type { AdminCommune } from '../../lib/admin/team-form';
import SignIn from '../shared/SignIn';
import { useSignedIn } from '../shared/useSignedIn';
import type { GuideLinks } from '../team/types';
import './AdminWorkspace.css';

// The workspace (supabase-js, the admin contracts and every panel) loads once a session is stored
// or an admin signs in: a signed-out first view hydrates only the sign-in form (issue 17).
const SignedInAdmin = lazy(() => import('./SignedInAdmin'));

export interface AdminWorkspaceProps {
  communes: AdminCommune[];
  /** Guides by short code (the review queue links them). */
  guides: GuideLinks;
  /** Poster ids (`g-vs4`, `x-ha-tu`) by the name shown for their scans. */
  posterNames: Record<string, string>;
}

/**
 * /quan-tri/: the youth-union admin workspace, behind a sign-in by email code (SignedInAdmin once
 * signed in). The sign-in form is rendered on the server, so it can be filled in and sent before
 * React runs; with a session stored the page hides it until the first layout effect moves on
 * (SignInScreen.astro).
 */
export default function AdminWorkspace(props: AdminWorkspaceProps) {
  const signedIn = useSignedIn();
  if (!signedIn) return <SignIn lead={t('admin.signIn.lead')} />;
  return (
    <Suspense fallback={<p>{t('admin.loading')}</p>}>
      <SignedInAdmin {...props} />
    </Suspense>
  );
}
