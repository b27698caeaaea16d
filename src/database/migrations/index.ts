import { Foundation1795735516567 } from './sqlite/1795735516567-Foundation';
import { CatalogAndOnboardingWork1795736709810 } from './sqlite/1795736709810-CatalogAndOnboardingWork';
import { OrdersAndUnlinking1795737336160 } from './sqlite/1795737336160-OrdersAndUnlinking';

/**
 * Every migration, oldest first. Generate a new one from the entities with
 * `npm run typeorm -- migration:generate src/database/migrations/sqlite/Name`, then list it here.
 */
export const migrations: Function[] = [Foundation1795735516567, CatalogAndOnboardingWork1795736709810, OrdersAndUnlinking1795737336160];
