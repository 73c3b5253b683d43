export * from './customers.module';
export * from './customers.service';
export * from './phone';
export * from './search';
export { CUSTOMER_TYPES, PARTNER_KINDS, TIERS, LIFECYCLE_STAGES } from './customer.entity';
export * from './customer-generator';
