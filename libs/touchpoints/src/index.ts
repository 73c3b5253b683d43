export * from './touchpoints.module';
export * from './touchpoint-rules';
export * from './nps';
export { NpsService } from './nps.service';
export type { LatestNpsScore } from './nps.repository';
