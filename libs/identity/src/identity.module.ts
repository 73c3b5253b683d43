import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard';
import { AuditService } from './audit.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionCleanupJob } from './session-cleanup.job';
import { AuditLogEntity, SessionEntity, UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, AuditLogEntity])],
  controllers: [AuthController, UsersController],
  providers: [UsersRepository, UsersService, AuthService, AuditService, SessionCleanupJob, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [UsersService, AuditService, AuthService],
})
export class IdentityModule {}
