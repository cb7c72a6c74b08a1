import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { RpcResult } from '../../lib/api/rpc';
import { vietnamDay } from '../../lib/domain/vietnam-time';
import { useFlash } from '../shared/Flash';

/** A range of Vietnamese days, both ends included (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * A report of a date range (the last 90 days at first), as the admin's statistics panels hold it:
 * the range as typed, the report last read, and what happened in `flash`. The first range is read
 * when the panel opens: if that fails, the panel says so quietly (focus stays on the tab); a range
 * the admin asks for (`submit`) that fails shows in the error box, which takes focus.
 * `read` and `errorMessage` must not change between renders (module-level functions).
 */
export function useDateRangeReport<T>(read: (range: DayRange) => Promise<RpcResult<T>>, errorMessage: (code: string) => string) {
  const [first] = useState<DayRange>(() => ({ from: vietnamDay(-89), to: vietnamDay() }));
  const [from, setFrom] = useState(first.from);
  const [to, setTo] = useState(first.to);
  const [report, setReport] = useState<T | null>(null);
  const flash = useFlash();
  const { show, showQuietly, clear } = flash;

  const load = useCallback(
    async (range: DayRange, asked: boolean) => {
      const answer = await read(range);
      if (answer.ok) {
        setReport(answer.data);
        clear();
      } else if (asked) show(errorMessage(answer.code), true);
      else showQuietly(errorMessage(answer.code));
    },
    [read, errorMessage, show, showQuietly, clear],
  );
  useEffect(() => {
    void load(first, false);
  }, [load, first]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void load({ from, to }, true);
  }

  return { from, setFrom, to, setTo, report, flash, submit };
}
