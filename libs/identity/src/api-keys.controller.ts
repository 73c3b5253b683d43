import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal } from './access.decorator';
import { Principal } from './access-rules';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

/** Machine access is an administrator's decision: every route here is admin-only, and no key reaches them. */
@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @Allow(['admin'])
  @ApiCreatedResponse({ type: CreatedApiKeyDto, description: 'The only response that carries the secret `key`' })
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { key, entity } = await this.apiKeys.create(p, dto);
    return { ...ApiKeyDto.from(entity), key };
  }

  @Get()
  @Allow(['admin'])
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(): Promise<ApiKeyListDto> {
    return { items: (await this.apiKeys.list()).map(ApiKeyDto.from), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow(['admin'])
  @ApiNoContentResponse({ description: 'Revoked (or already revoked): the key gets 401 from now on' })
  revoke(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<void> {
    return this.apiKeys.revoke(p, id);
  }
}
