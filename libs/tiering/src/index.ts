export * from './tiering.module';
export { TieringService } from './tiering.service';
export * from './tier-policy';
export { DEFAULT_SERVICE, type ServicePolicy, type TierService } from './service-policy';
