import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '../../lib/i18n/team';
import { callRpc, type RpcArgs, type RpcResult } from '../../lib/api/rpc';
import { handOverRequest, teamRequest, type RequestDetail } from '../../lib/api/team';
import { errorText } from '../../lib/team/labels';
import { isStale } from '../../lib/team/request-actions';
import { useFlash } from '../shared/Flash';

/** How an action went: done, refused (the form stays), or refused because the request changed. */
export type ActResult = 'done' | 'failed' | 'stale';

interface Options {
  /** Changes whenever the queue refreshes, so the open request refreshes with it. */
  refreshTick: number;
  /** Something changed: the queue should refresh. */
  onChanged(): void;
  /** After a hand-over, for a caller who no longer sees the request: where to go, with the message. */
  onHandedOver?: (message: string) => void;
}

/**
 * One request of the team workspace: reads it (team_request) on open and with every queue refresh,
 * runs the actions on it one at a time, and reports each outcome in `flash` (shown by <Flash>). A request that
 * is no longer the caller's (handed over, moved on) is `gone`, with the reason.
 */
export function useRequest(requestId: number, { refreshTick, onChanged, onHandedOver }: Options) {
  const [detail, setDetail] = useState<RequestDetail | null>(null);
  const [gone, setGone] = useState<string | null>(null);
  const flash = useFlash();
  const { show, showQuietly } = flash;
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const answer = await callRpc(teamRequest, { request_id: requestId });
    if (answer.ok) {
      setDetail(answer.data);
      setGone(null);
    } else if (answer.code === 'not_found') {
      setDetail(null);
      // Keep the message of a hand-over just made, which explains why it is gone.
      setGone((current) => current ?? errorText('not_found'));
    } else {
      showQuietly(errorText(answer.code));
    }
  }, [requestId, showQuietly]);

  useEffect(() => {
    void load();
  }, [load, refreshTick]);

  useEffect(() => {
    requestAnimationFrame(() => titleRef.current?.focus());
  }, [requestId]);

  /** Runs an action; on success shows `done` and the new state, on failure the error. */
  async function act(action: () => Promise<RpcResult<RequestDetail>>, done: (d: RequestDetail) => string): Promise<ActResult> {
    if (busy) return 'failed';
    setBusy(true);
    const answer = await action();
    setBusy(false);
    if (answer.ok) {
      setDetail(answer.data);
      show(done(answer.data));
      onChanged();
      return 'done';
    }
    show(errorText(answer.code), true);
    if (!isStale(answer.code)) return 'failed';
    void load();
    onChanged();
    return 'stale';
  }

  /**
   * Hands the request to another team. `onSent` runs as soon as the server agrees. A member of the
   * former team no longer sees it: `onHandedOver` takes them back to the queue with the news (reading
   * it again would only fail). Admins still see it: it is read again.
   */
  async function handOver(args: Omit<RpcArgs<typeof handOverRequest>, 'request_id'>, onSent: () => void) {
    if (busy) return;
    setBusy(true);
    const answer = await callRpc(handOverRequest, { request_id: requestId, ...args });
    setBusy(false);
    if (!answer.ok) {
      show(errorText(answer.code), true);
      if (isStale(answer.code)) void load();
      return;
    }
    onSent();
    onChanged();
    if (onHandedOver) {
      onHandedOver(t('team.handover.doneBack', { code: detail?.reference_code ?? '', team: answer.data.team.name }));
      return;
    }
    const done = t('team.handover.done', { team: answer.data.team.name });
    const again = await callRpc(teamRequest, { request_id: requestId });
    if (again.ok) {
      setDetail(again.data);
      show(done);
    } else {
      setDetail(null);
      setGone(done);
      requestAnimationFrame(() => titleRef.current?.focus());
    }
  }

  return { detail, gone, flash, busy, titleRef, act, handOver };
}

export type RequestState = ReturnType<typeof useRequest>;
