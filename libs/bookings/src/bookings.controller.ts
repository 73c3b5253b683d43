import { Body, Controller, Get, HttpCode, Param, Put, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { checkExternalAddress } from '@crm/platform';
import { Allow, CurrentPrincipal, Principal, ROLES } from '@crm/identity';
import { BookingsService } from './bookings.service';
import { BatchRequestDto, BookingBodyDto } from './dto/booking-input.dto';
import { BatchResultDto, BookingDetailDto, BookingDto, BookingListDto, BookingListQueryDto } from './dto/booking.dto';
import { CustomerValueDto } from './dto/customer-value.dto';

const WRITER = [[], ['bookings:write']] as const;
const SOURCE_PARAM = ApiParam({ name: 'source', description: 'your system, e.g. erp or ota-feizhu: 1-50 lower-case letters, digits, - or _', example: 'erp' });
const EXTERNAL_ID_PARAM = ApiParam({ name: 'externalId', description: 'the booking id in your system: 1-100 characters without spaces, /, ? or #', example: 'B-20260301-001' });

@ApiTags('bookings')
@Controller()
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Put('bookings/:source/:externalId')
  @Allow(...WRITER)
  @ApiOperation({ summary: 'Create or update the booking that system `source` knows as `externalId` (201 created, 200 updated or unchanged)' })
  @SOURCE_PARAM
  @EXTERNAL_ID_PARAM
  @ApiCreatedResponse({ type: BookingDto })
  @ApiOkResponse({ type: BookingDto })
  async put(
    @CurrentPrincipal() p: Principal,
    @Param('source') source: string,
    @Param('externalId') externalId: string,
    @Body() body: BookingBodyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BookingDto> {
    checkExternalAddress(source, externalId);
    const { created, booking } = await this.bookings.put(p, source, externalId, body);
    reply.status(created ? 201 : 200);
    return booking;
  }

  @Post('bookings/batch')
  @HttpCode(200)
  @Allow(...WRITER)
  @ApiOperation({ summary: 'Up to 1000 bookings; each item gets the status it would have had alone (201, 200, 422)' })
  @ApiOkResponse({ type: BatchResultDto })
  batch(@CurrentPrincipal() p: Principal, @Body() body: BatchRequestDto): Promise<BatchResultDto> {
    return this.bookings.applyBatch(p, body.items);
  }

  @Get('bookings')
  @Allow(ROLES)
  @ApiOkResponse({ type: BookingListDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: BookingListQueryDto): Promise<BookingListDto> {
    return this.bookings.list(p, q);
  }

  @Get('bookings/:id')
  @Allow(ROLES)
  @ApiOkResponse({ type: BookingDetailDto })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<BookingDetailDto> {
    return this.bookings.get(p, id);
  }

  @Get('bookings/:source/:externalId')
  @Allow(...WRITER)
  @ApiOperation({ summary: 'The booking as the CRM holds it, with its status history' })
  @SOURCE_PARAM
  @EXTERNAL_ID_PARAM
  @ApiOkResponse({ type: BookingDetailDto })
  getByKey(@CurrentPrincipal() p: Principal, @Param('source') source: string, @Param('externalId') externalId: string): Promise<BookingDetailDto> {
    checkExternalAddress(source, externalId);
    return this.bookings.getByKey(p, source, externalId);
  }

  @Get('customers/:id/value')
  @Allow(ROLES, ['customers:read'])
  @ApiOkResponse({ type: CustomerValueDto })
  value(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<CustomerValueDto> {
    return this.bookings.customerValue(p, id);
  }
}
