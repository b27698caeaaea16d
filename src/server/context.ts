import { ContainerType } from 'type-graphql';
import { Viewer } from '../auth/viewer';
import { Loaders } from './loaders';

/** What every resolver gets for one request. */
export interface RequestContext {
  requestId: string;
  viewer: Viewer;
  loaders: Loaders;
  /** The resolvers of the app that serves this request (see `schema.ts`). */
  container: ContainerType;
}
