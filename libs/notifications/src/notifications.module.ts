import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CONFIG } from '@crm/platform';
import { IdentityModule } from '@crm/identity';
import { MAIL_SENDER, mailSenderFor } from './mail-sender';
import { NotificationEntity } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { OutgoingMessageEntity } from './outgoing-message.entity';
import { OutgoingMessagesController } from './outgoing-messages.controller';
import { OutgoingMessagesRepository } from './outgoing-messages.repository';
import { OutgoingMessagesService } from './outgoing-messages.service';
import { SendMessagesJob } from './send-messages.job';

@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([NotificationEntity, OutgoingMessageEntity])],
  controllers: [NotificationsController, OutgoingMessagesController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    OutgoingMessagesRepository,
    OutgoingMessagesService,
    SendMessagesJob,
    { provide: MAIL_SENDER, inject: [CONFIG], useFactory: mailSenderFor },
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
