import { useEffect, useState } from 'react';

/** The request open on screen, if any, with the phone's back gesture closing it. */
interface OpenRequest {
  openId: number | null;
  open(id: number): void;
  close(): void;
}

/**
 * Which request is open. Opening one adds a history entry (the id only, `#yeu-cau-12`), so the
 * phone's back gesture closes it; the address bar never holds more than that id. A link
 * `/doi/?yeu-cau=12` (what a push notification opens) opens that request at once.
 */
export function useOpenRequest(): OpenRequest {
  const [openId, setOpenId] = useState<number | null>(null);

  useEffect(() => {
    // A notification opens /doi/?yeu-cau=<id> (public/sw.js): that request opens, over the queue.
    const linked = Number(new URLSearchParams(location.search).get('yeu-cau'));
    if (Number.isSafeInteger(linked) && linked > 0) {
      history.replaceState(null, '', location.pathname);
      history.pushState({ request: linked }, '', `#yeu-cau-${linked}`);
      setOpenId(linked);
    } else if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    const onPop = (event: PopStateEvent) => {
      const id = (event.state as { request?: number } | null)?.request;
      setOpenId(typeof id === 'number' ? id : null);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  return {
    openId,
    open(id) {
      history.pushState({ request: id }, '', `#yeu-cau-${id}`);
      setOpenId(id);
      window.scrollTo(0, 0);
    },
    close() {
      if ((history.state as { request?: number } | null)?.request) history.back();
      else setOpenId(null);
    },
  };
}
