import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@crm/identity';
import { CustomersModule } from '@crm/customers';
import { CampaignEntity, CampaignRecipientEntity } from './campaign.entity';
import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { MessagesController } from './messages.controller';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';
import { ReactivateSleepingJob } from './reactivate-sleeping.job';
import { ReactivationRepository } from './reactivation.repository';
import { ReactivationService } from './reactivation.service';

@Module({
  imports: [IdentityModule, CustomersModule, TypeOrmModule.forFeature([CampaignEntity, CampaignRecipientEntity])],
  controllers: [CampaignsController, MessagesController],
  providers: [CampaignsRepository, CampaignsService, ReactivationRepository, ReactivationService, ReactivateSleepingJob, MessagesRepository, MessagesService],
  exports: [CampaignsService],
})
export class CampaignsModule {}
