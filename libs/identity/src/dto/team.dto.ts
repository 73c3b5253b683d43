import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { TeamEntity } from '../team.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateTeamDto {
  @ApiProperty({ example: '华东客服组' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'a user with role manager or admin' })
  @IsOptional() @IsUUID('all', { message: 'managerId must be a user id' }) managerId?: string | null;
}

export class UpdateTeamDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'a user with role manager or admin; null removes the manager' })
  @IsOptional() @IsUUID('all', { message: 'managerId must be a user id' }) managerId?: string | null;
}

export class TeamDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) managerId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static from(t: TeamEntity): TeamDto {
    return { id: t.id, name: t.name, managerId: t.managerId, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() };
  }
}

export class TeamListDto {
  @ApiProperty({ type: [TeamDto] }) items: TeamDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
