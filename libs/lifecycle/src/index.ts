export * from './lifecycle.module';
export { LifecycleService, type ChurnScoreResult } from './lifecycle.service';
export * from './bg-nbd';
export * from './backtest';
export * from './churn-score';
export { hyp2f1 } from './hypergeometric';
export * from './next-trip';
export * from './purchase-history';
