// Every migration, oldest first. Generated from the entities (npm run migration:generate) and committed.
import { Initial1795426054334 } from './1795426054334-Initial';

export const MIGRATIONS: Function[] = [Initial1795426054334];
