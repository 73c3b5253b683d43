export * from './campaigns.module';
export { CampaignsService } from './campaigns.service';
export * from './quiet-hours';
