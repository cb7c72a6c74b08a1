import { Suspense, lazy } from 'react';
import './base.css';
import './TeamWorkspace.css';
import '../shared/flash.css';
import { t } from '../../lib/i18n/team';
import SignIn from '../shared/SignIn';
import { useSignedIn } from '../shared/useSignedIn';
import type { GuideLinks, PlatformLinks } from './types';

// Everything after sign-in (supabase-js, the session, the team's contracts and panels) loads once a
// session is stored or a member signs in: the first view of a signed-out visitor hydrates only the
// sign-in form (issue 17: /doi/'s blocking time on a phone).
const SignedInWorkspace = lazy(() => import('./SignedInWorkspace'));

export interface TeamWorkspaceProps {
  /** Guides by short code, for links from a request to the guide (built at build time). */
  guides: GuideLinks;
  /** Platforms by id: short name and hub path. */
  platforms: PlatformLinks;
  /** Every commune (code, name), for the outreach log. */
  communes?: { code: string; name: string }[];
}

/**
 * The team workspace (/doi/): the sign-in form, else the signed-in workspace (SignedInWorkspace).
 * The sign-in form is rendered on the server, so it can be filled in and sent before React runs
 * (EarlySend.astro); with a session stored the page hides it until then
 * (src/pages/doi/index.astro) and the first layout effect, before any paint, moves on.
 */
export default function TeamWorkspace(props: TeamWorkspaceProps) {
  const signedIn = useSignedIn();
  if (!signedIn) return <SignIn />;
  return (
    <Suspense fallback={<p>{t('team.loading')}</p>}>
      <SignedInWorkspace {...props} />
    </Suspense>
  );
}
