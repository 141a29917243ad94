/* global document, window, sessionStorage, URL */
// The explorer page's script, bundled by bundle.ts (esbuild) with GraphiQL, React and graphql-ws,
// so the page loads nothing from outside the service: it works on an offline network.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { createElement as h, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';

const TOKEN_KEY = 'ocop-explorer-token';
const httpUrl = new URL('/graphql', window.location.href).href;
const wsUrl = httpUrl.replace(/^http/, 'ws');

/** Queries and mutations over HTTP, subscriptions over graphql-ws; both carry the token when one is given. */
function fetcherFor(token) {
  const authorization = token ? `Bearer ${token}` : undefined;
  const wsClient = createClient({ url: wsUrl, lazy: true, connectionParams: authorization ? { authorization } : {} });
  const fetcher = createGraphiQLFetcher({ url: httpUrl, wsClient, headers: authorization ? { authorization } : {} });
  // The fetcher tells subscriptions by the document GraphiQL parsed last, which lags behind an edit
  // made just before running: parse the document being sent instead.
  return (params, options) =>
    fetcher(params, { ...options, documentAST: parsed(params.query) ?? options?.documentAST });
}

function parsed(query) {
  try {
    return parse(query);
  } catch {
    return undefined;
  }
}

const EXAMPLE = `# Thái Nguyên's communes against the province's 2026 targets
{
  unitTargets(year: 2026, provinceCode: "19") {
    level
    rows { unit { name } newProducts3Star { target actual } }
    total { newProducts3Star { target actual } }
  }
}
`;

function Explorer() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const fetcher = useMemo(() => fetcherFor(token.trim()), [token]);
  const onToken = (event) => {
    setToken(event.target.value);
    sessionStorage.setItem(TOKEN_KEY, event.target.value);
  };
  return h(
    'div',
    { className: 'ocop-explorer' },
    h(
      'label',
      { className: 'ocop-token' },
      h('span', null, 'Bearer token'),
      h('input', {
        type: 'password',
        name: 'token',
        value: token,
        onChange: onToken,
        placeholder: 'empty: public reads only',
        autoComplete: 'off',
      }),
    ),
    h(GraphiQL, { fetcher, defaultQuery: EXAMPLE, shouldPersistHeaders: false }),
  );
}

createRoot(document.getElementById('explorer')).render(h(Explorer));
