import { useCallback, useEffect, useRef, useState } from 'react';
import { callRpc } from '../../lib/api/rpc';
import { teamQueue, type TeamQueue } from '../../lib/api/team';
import { titleWithCount } from '../../lib/team/format';
import { errorText } from '../../lib/team/labels';
import { QUEUE_PAGE_MAX, QUEUE_PAGE_SIZE } from '../../lib/domain/team-vocabulary';

/** How often the open queue is fetched again while the tab is visible. */
const REFRESH_MS = 30_000;
/** Focus and visibility events arrive together; one fetch is enough. */
const MIN_GAP_MS = 2_000;

/** Whose queue: the province pool (admins), or a team's (null: the caller's own). */
export type QueueScope = { pool: true } | { pool: false; teamId: number | null };

interface QueueState {
  scope: QueueScope;
  /** Another team or the pool (admins): back to one page, the old list cleared. */
  chooseScope(scope: QueueScope): void;
  queue: TeamQueue | null;
  /** How many of the oldest requests are asked for (grows on "Xem thêm"). */
  pageSize: number;
  /** Time of the last successful fetch. */
  updatedAt: Date | null;
  loading: boolean;
  error: string | null;
  /** Counts the fetches, so that an open request refreshes with the queue. */
  tick: number;
  refresh(): void;
  /** QUEUE_PAGE_SIZE more requests, up to QUEUE_PAGE_MAX. */
  more(): void;
}

/**
 * The open queue (team_queue), fetched on an interval while the tab is visible, on focus and on
 * request; the number of requests waiting for someone to accept them shows in the tab's title.
 */
export function useQueue(initial: QueueScope): QueueState {
  const [scope, setScope] = useState<QueueScope>(initial);
  const [queue, setQueue] = useState<TeamQueue | null>(null);
  // How many of the oldest requests to fetch: grows on "Xem thêm", kept across the refreshes,
  // back to one page when the admin switches team or pool.
  const [pageSize, setPageSize] = useState(QUEUE_PAGE_SIZE);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  // Only the latest fetch may set the list (an older answer may be for another team or size).
  const loadSeq = useRef(0);

  const load = useCallback(async () => {
    const seq = ++loadSeq.current;
    setLoading(true);
    const answer = await callRpc(
      teamQueue,
      scope.pool ? { pool: true, page_size: pageSize } : { team_id: scope.teamId, page_size: pageSize },
    );
    if (seq !== loadSeq.current) return;
    setLoading(false);
    if (answer.ok) {
      setQueue(answer.data);
      setUpdatedAt(new Date());
      setError(null);
    } else {
      setError(errorText(answer.code));
    }
    setTick((n) => n + 1);
  }, [scope, pageSize]);

  const fetchNow = useRefreshWhileVisible(load);
  useWaitingInTitle(queue?.waiting ?? 0);

  return {
    scope,
    chooseScope(next) {
      setScope(next);
      setPageSize(QUEUE_PAGE_SIZE);
      setQueue(null);
    },
    queue,
    pageSize,
    updatedAt,
    loading,
    error,
    tick,
    refresh: fetchNow,
    more() {
      const next = Math.min((queue?.items.length ?? 0) + QUEUE_PAGE_SIZE, QUEUE_PAGE_MAX);
      // After a failed fetch the size is already asked for: fetch again.
      if (next === pageSize) fetchNow();
      else setPageSize(next);
    },
  };
}

/**
 * Runs `load` now and whenever it changes, every REFRESH_MS while the tab is visible, and when the
 * tab comes back into view or gets focus (at most once per MIN_GAP_MS since the last fetch).
 * Returns the function that fetches at once (a button), which counts as a fetch too.
 */
function useRefreshWhileVisible(load: () => Promise<void>): () => void {
  const lastLoad = useRef(0);
  const run = useCallback(() => {
    lastLoad.current = Date.now();
    void load();
  }, [load]);
  useEffect(() => {
    run();
    const again = () => {
      if (document.visibilityState === 'visible' && Date.now() - lastLoad.current > MIN_GAP_MS) run();
    };
    const timer = setInterval(again, REFRESH_MS);
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [run]);
  return run;
}

/** "(3) Trang làm việc…" while requests wait; the page's own title back when the workspace goes. */
function useWaitingInTitle(waiting: number) {
  const baseTitle = useRef(document.title);
  useEffect(() => {
    document.title = titleWithCount(baseTitle.current, waiting);
  }, [waiting]);
  useEffect(() => {
    const title = baseTitle.current;
    return () => {
      document.title = title;
    };
  }, []);
}
