import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { OWNER_RULE_MODES, OwnerRuleMode } from '../owner-assignment';

/** Who owns the customers that booking systems create. */
export class OwnerRuleDto {
  @ApiProperty({ enum: OWNER_RULE_MODES, description: 'round_robin among active account managers, or one default owner' })
  @IsIn(OWNER_RULE_MODES)
  mode: OwnerRuleMode;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'required with default_owner; the round-robin fallback otherwise' })
  @IsOptional()
  @IsUUID('all', { message: 'defaultOwnerId must be a user id' })
  defaultOwnerId?: string | null;
}
