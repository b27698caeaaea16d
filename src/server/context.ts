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
}
