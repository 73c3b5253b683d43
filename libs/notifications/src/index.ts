export * from './notifications.module';
export { NotificationsService } from './notifications.service';
export type { NewNotification } from './notifications.repository';
