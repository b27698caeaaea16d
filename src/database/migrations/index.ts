import { PostgresSchema1795737822146 } from './postgres/1795737822146-PostgresSchema';
import { IdempotencyKeys1795738250668 } from './postgres/1795738250668-IdempotencyKeys';
import { OpenOrdersIndex1795742869068 } from './postgres/1795742869068-OpenOrdersIndex';
import { SpApiCredentials1795809699000 } from './postgres/1795809699000-SpApiCredentials';
import { NotificationSubscriptions1795810710416 } from './postgres/1795810710416-NotificationSubscriptions';
import { SignInAndAccess1795817215597 } from './postgres/1795817215597-SignInAndAccess';
import { BoundedStorage1795817360000 } from './postgres/1795817360000-BoundedStorage';
import { OrderTally1795829591046 } from './postgres/1795829591046-OrderTally';
import { CatalogCounts1795900000000 as PostgresCatalogCounts } from './postgres/1795900000000-CatalogCounts';
import { NotificationSubscriptions1795810704748 } from './sqlite/1795810704748-NotificationSubscriptions';
import { SignInAndAccess1795817204884 } from './sqlite/1795817204884-SignInAndAccess';
import { BoundedStorage1795817358813 } from './sqlite/1795817358813-BoundedStorage';
import { OrderTally1795829584673 } from './sqlite/1795829584673-OrderTally';
import { CatalogCounts1795900000000 as SqliteCatalogCounts } from './sqlite/1795900000000-CatalogCounts';
import { SpApiCredentials1795809694923 } from './sqlite/1795809694923-SpApiCredentials';
import { IdempotencyKeys1795738247545 } from './sqlite/1795738247545-IdempotencyKeys';
import { OpenOrdersIndex1795742865512 } from './sqlite/1795742865512-OpenOrdersIndex';
import { Foundation1795735516567 } from './sqlite/1795735516567-Foundation';
import { CatalogAndOnboardingWork1795736709810 } from './sqlite/1795736709810-CatalogAndOnboardingWork';
import { OrdersAndUnlinking1795737336160 } from './sqlite/1795737336160-OrdersAndUnlinking';

/**
 * Every migration, oldest first, one list per database. Generate a new one from the entities with
 * `npm run typeorm -- migration:generate src/database/migrations/sqlite/Name` (and the same with
 * DATABASE_URL set, into postgres/), then list both here.
 */
export const postgresMigrations: Function[] = [PostgresSchema1795737822146, IdempotencyKeys1795738250668, OpenOrdersIndex1795742869068, SpApiCredentials1795809699000, NotificationSubscriptions1795810710416, SignInAndAccess1795817215597, BoundedStorage1795817360000, OrderTally1795829591046, PostgresCatalogCounts];

export const sqliteMigrations: Function[] = [Foundation1795735516567, CatalogAndOnboardingWork1795736709810, OrdersAndUnlinking1795737336160, IdempotencyKeys1795738247545, OpenOrdersIndex1795742865512, SpApiCredentials1795809694923, NotificationSubscriptions1795810704748, SignInAndAccess1795817204884, BoundedStorage1795817358813, OrderTally1795829584673, SqliteCatalogCounts];
