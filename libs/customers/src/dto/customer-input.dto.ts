import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsEmail, IsEmpty, IsIn, IsInt, IsOptional, IsString, IsUUID,
  Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { AGE_BANDS, CUSTOMER_TYPES, CustomerType, PARTNER_KINDS, PartnerKind, SEASONS } from '../customer.entity';
import { IsPhone } from './is-phone.validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimAll = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);
const computed = (field: string) => IsEmpty({ message: `${field} is computed by the system and cannot be set` });

export class ConsentDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sms?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() email?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() wechat?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() phone?: boolean;
}

export class ContactInputDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) role?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsPhone() phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() primary?: boolean;
}

export class ExternalRefDto {
  @ApiProperty({ example: 'erp' }) @Matches(/^[a-z0-9][a-z0-9_-]{0,49}$/, { message: 'source must be 1-50 lower-case letters, digits, - or _' }) source: string;
  @ApiProperty({ example: 'C-1001' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) externalId: string;
}

/** The writable customer fields. Computed fields are listed only to be refused with a clear message. */
export class CreateCustomerDto {
  @ApiProperty({ enum: CUSTOMER_TYPES }) @IsIn(CUSTOMER_TYPES) type: CustomerType;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional({ enum: PARTNER_KINDS, nullable: true }) @IsOptional() @IsIn(PARTNER_KINDS) partnerKind?: PartnerKind | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '13800138000' }) @IsOptional() @IsPhone() phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(200) organization?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) city?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '1985-04-12' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'birthday must be a date YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthday must be a date YYYY-MM-DD' })
  birthday?: string | null;
  @ApiPropertyOptional({ enum: AGE_BANDS, nullable: true }) @IsOptional() @IsIn(AGE_BANDS) ageBand?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) occupation?: string | null;
  @ApiPropertyOptional({ enum: SEASONS, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(4) @IsIn(SEASONS, { each: true }) preferredSeasons?: string[];
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(3650) decisionCycleDays?: number | null;
  @ApiPropertyOptional({ type: [String], example: ['酒店卫生评分低于4.8不可接受'] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @Transform(trimAll) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(200, { each: true })
  sensitivities?: string[];
  @ApiPropertyOptional({ type: [String], example: ['带父母出行'] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @Transform(trimAll) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(200, { each: true })
  motivations?: string[];
  @ApiPropertyOptional({ type: [String], example: ['亲子', '海岛'] })
  @IsOptional() @IsArray() @ArrayMaxSize(30) @Transform(trimAll) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(50, { each: true })
  tags?: string[];
  @ApiPropertyOptional({ type: ConsentDto }) @IsOptional() @ValidateNested() @Type(() => ConsentDto) consent?: ConsentDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() doNotContact?: boolean;
  @ApiPropertyOptional({ type: [ContactInputDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ContactInputDto) contacts?: ContactInputDto[];
  @ApiPropertyOptional({ type: [ExternalRefDto] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ExternalRefDto) externalRefs?: ExternalRefDto[];
  @ApiPropertyOptional({ description: 'The owning account manager; defaults to the caller' }) @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string;

  // Not in the OpenAPI input: present only so that setting them is refused by name.
  @computed('tier') tier?: never;
  @computed('quadrant') quadrant?: never;
  @computed('tierFlags') tierFlags?: never;
  @computed('lifecycleStage') lifecycleStage?: never;
  @computed('health') health?: never;
  @computed('lifetimeValue') lifetimeValue?: never;
}

export class UpdateCustomerDto extends PartialType(CreateCustomerDto) {
  @ApiPropertyOptional({ description: 'Why the owner changes, kept in the ownership history' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(500)
  ownerChangeReason?: string;
}

export class TransferCustomersDto {
  @ApiProperty() @IsUUID('all', { message: 'fromUserId must be a user id' }) fromUserId: string;
  @ApiProperty() @IsUUID('all', { message: 'toUserId must be a user id' }) toUserId: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(500) reason?: string;
}
