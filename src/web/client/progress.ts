import { createClient } from 'graphql-ws/client';

/**
 * Keeps the plan-progress page live. The server renders the whole page; when `planProgressChanged`
 * says a unit's figures moved, this fetches the same page again and swaps in its annexes, so the bars
 * and their text change without a reload and are drawn by one renderer only. Pages for a past day
 * (`asOf`) are not live.
 */
const main = document.querySelector<HTMLElement>('main.progress');
const liveState = document.getElementById('live-state');

const SUBSCRIPTION = `subscription PlanProgress($year: Int!, $provinceCode: String!) {
  planProgressChanged(year: $year, provinceCode: $provinceCode) { unit { code } }
}`;

const MESSAGES = {
  vi: { live: 'Cập nhật trực tiếp', updated: 'Đã cập nhật lúc', offline: 'Mất kết nối, đang thử lại' },
  en: { live: 'Live updates', updated: 'Updated at', offline: 'Connection lost, retrying' },
};
const text = MESSAGES[document.documentElement.lang === 'en' ? 'en' : 'vi'];

function say(message: string): void {
  if (liveState) liveState.textContent = message;
}

async function refresh(): Promise<void> {
  const response = await fetch(location.pathname + location.search, {
    headers: { accept: 'text/html' },
    cache: 'no-store',
  });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  const annexes = fresh.getElementById('annexes');
  const current = document.getElementById('annexes');
  if (annexes && current) current.replaceWith(document.importNode(annexes, true));
  say(`${text.updated} ${new Date().toLocaleTimeString(document.documentElement.lang)}`);
}

/** Several rows change with one event: one refresh for a burst of messages. */
function debounced(run: () => Promise<void>, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
  };
}

function goLive(element: HTMLElement): void {
  const year = Number(element.dataset['year']);
  const provinceCode = element.dataset['province'] ?? '';
  const client = createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: { connected: () => say(text.live), closed: () => say(text.offline) },
  });
  const update = debounced(refresh, 150);
  client.subscribe(
    { query: SUBSCRIPTION, variables: { year, provinceCode } },
    { next: update, error: () => say(text.offline), complete: () => undefined },
  );
}

if (main?.dataset['live'] === 'true') goLive(main);
