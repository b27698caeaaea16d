import { ContainerType } from 'type-graphql';
import { Viewer } from '../auth/viewer';
import { Loaders } from './loaders';

/** What the request log line says of a GraphQL request, filled in as the request runs. */
export interface RequestSummary {
  operationName?: string;
  cost?: number;
  outcome?: 'ok' | 'user_errors' | 'error';
  errorCodes?: string[];
}

/** What every resolver gets for one request. */
export interface RequestContext {
  requestId: string;
  summary: RequestSummary;
  viewer: Viewer;
  loaders: Loaders;
  /** The resolvers of the app that serves this request (see `schema.ts`). */
  container: ContainerType;
  /** Set for a subscription over WebSocket (see subscription-server.ts). */
  live?: LiveConnection;
}

/** What a subscription's event stream asks of its connection. */
export interface LiveConnection {
  /**
   * Before each event: the context gets loaders that have read nothing before this event, so that every event
   * reads committed state afresh. The subscriptions of one merchant handling the same event share them.
   */
  renewLoaders(eventKey: string): void;
  /** More events wait than the connection reads: it is closed (a slow consumer). */
  slowConsumer(): void;
}
