import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CustomerListQueryDto } from '@crm/customers';
import { EXPORT_LANGS, ExportLang } from '../customer-export';

/** The customer list's filters, and the language of the headers. */
export class CustomerExportQueryDto extends OmitType(CustomerListQueryDto, ['limit', 'cursor'] as const) {
  @ApiPropertyOptional({ enum: EXPORT_LANGS, default: 'zh-CN' }) @IsOptional() @IsIn(EXPORT_LANGS) lang?: ExportLang;
}
