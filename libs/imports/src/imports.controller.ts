import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/identity';
import { ImportsService, MAX_IMPORT_BYTES } from './imports.service';
import { DryRunDto, ImportDto, ImportRowListDto, ImportRowQueryDto, MappingInputDto, UploadQueryDto } from './dto/import.dto';

const IMPORTERS = ['admin', 'manager'] as const;

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @Allow(IMPORTERS)
  @ApiOperation({ summary: `Upload an .xlsx or .csv file as the raw body (at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB, else 413); answers the preview with a suggested mapping` })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: ImportDto })
  upload(@CurrentPrincipal() p: Principal, @Query() q: UploadQueryDto, @Body() file: Buffer): Promise<ImportDto> {
    return this.imports.upload(p, q, file);
  }

  @Get(':id')
  @Allow(IMPORTERS)
  @ApiOkResponse({ type: ImportDto })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<ImportDto> {
    return this.imports.get(p, id);
  }

  @Put(':id/mapping')
  @Allow(IMPORTERS)
  @ApiOkResponse({ type: ImportDto })
  setMapping(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: MappingInputDto): Promise<ImportDto> {
    return this.imports.setMapping(p, id, dto);
  }

  @Post(':id/dry-run')
  @HttpCode(200)
  @Allow(IMPORTERS)
  @ApiOperation({ summary: 'Check every row as the import would; writes nothing' })
  @ApiOkResponse({ type: DryRunDto })
  dryRun(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<DryRunDto> {
    return this.imports.dryRun(p, id);
  }

  @Post(':id/run')
  @HttpCode(202)
  @Allow(IMPORTERS)
  @ApiOperation({ summary: 'Start the import as a background job; poll GET /imports/{id} for progress' })
  @ApiOkResponse({ type: ImportDto })
  start(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<ImportDto> {
    return this.imports.start(p, id);
  }

  @Get(':id/rows')
  @Allow(IMPORTERS)
  @ApiOkResponse({ type: ImportRowListDto })
  rows(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: ImportRowQueryDto): Promise<ImportRowListDto> {
    return this.imports.rows(p, id, q);
  }
}
