import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionCleanupJob } from './session-cleanup.job';
import { TeamEntity } from './team.entity';
import { TeamsController } from './teams.controller';
import { TeamsRepository } from './teams.repository';
import { TeamsService } from './teams.service';
import { AuditLogEntity, SessionEntity, UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, AuditLogEntity, ApiKeyEntity, TeamEntity])],
  controllers: [AuthController, UsersController, TeamsController, ApiKeysController, AuditController],
  providers: [
    UsersRepository,
    UsersService,
    TeamsRepository,
    TeamsService,
    AuthService,
    LoginThrottleService,
    AuditRepository,
    AuditService,
    ApiKeysRepository,
    ApiKeysService,
    SessionCleanupJob,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, AuditService, AuthService],
})
export class IdentityModule {}
