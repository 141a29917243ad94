import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import { UnavailableError } from '../../core/errors';
import type { GraphQLContext } from '../../graphql/context';
import type { WholeLogLimiter } from '../limits/wholeLogWork';
import type { Services } from '../../application/services';
import { assetReply } from '../../web/assets';
import type { AnonymousQuery } from '../../web/certificate/facts';
import { certificateRoutes } from './certificate';
import { type Reply, sendReply } from '../../web/http';
import { progressRoutes } from './progress';
import { salesPointRoutes } from './salesPoints';

export interface PublicPagesOptions {
  readonly services: Services;
  readonly apollo: ApolloServer<GraphQLContext>;
  readonly httpServer: Server;
  /** The context of a request without a token. */
  readonly anonymousContext: () => GraphQLContext;
  /** The absolute address QR codes point to (OCOP_PUBLIC_BASE_URL); default http://localhost:<port>. */
  readonly publicBaseUrl?: string;
  /** Counts the progress page's past days (`?asOf`) with every other replay of the log. */
  readonly wholeLogLimiter: WholeLogLimiter;
}

/**
 * The pages anyone may open without a token: the certificate check (/c/…), its QR codes, the plan
 * progress page (/progress/…), a province's open sales points (/sales-points/…) and their static
 * assets. Answers true when it answered the request.
 */
export function publicPages(options: PublicPagesOptions) {
  const { services, apollo, httpServer, anonymousContext, publicBaseUrl, wholeLogLimiter } = options;
  const anonymousQuery = anonymousQueryOf(apollo, anonymousContext);
  const certificate = certificateRoutes({
    services,
    anonymousQuery,
    publicBaseUrl: () => publicBaseUrl ?? `http://localhost:${(httpServer.address() as AddressInfo).port}`,
  });
  const progress = progressRoutes(services, wholeLogLimiter);
  const salesPoints = salesPointRoutes(services, anonymousQuery);
  /** The registry cannot answer truthfully while its read models are stopped or its store is down: 503, never stale facts. */
  const answer = async (request: IncomingMessage, url: URL): Promise<Reply | null> => {
    try {
      return (
        (await assetReply(url.pathname)) ??
        (await certificate(request, url)) ??
        (await progress(url)) ??
        (await salesPoints(url))
      );
    } catch (error) {
      if (!(error instanceof UnavailableError)) throw error;
      return {
        status: 503,
        type: 'text/plain; charset=utf-8',
        body: 'The registry is unavailable; try again shortly.',
      };
    }
  };
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const reply = await answer(request, url);
    if (!reply) return false;
    sendReply(request, response, reply);
    return true;
  };
}

/** Runs queries as an anonymous POST /graphql would: Apollo's validation, limits and the public allow-list. */
function anonymousQueryOf(apollo: ApolloServer<GraphQLContext>, context: () => GraphQLContext): AnonymousQuery {
  return async (query, variables) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: context() });
    if (response.body.kind !== 'single') throw new Error('A public page query answered incrementally');
    return response.body.singleResult;
  };
}
