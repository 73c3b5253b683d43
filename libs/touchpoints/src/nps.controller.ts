import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal, Public } from '@crm/identity';
import { NpsService } from './nps.service';
import { NpsAnswerInDto, NpsAnswerListDto, NpsAnswerQueryDto, NpsReportDto, NpsReportQueryDto, NpsSurveyDto } from './dto/nps.dto';

const REPORT_ROLES = ['admin', 'manager', 'account_manager'] as const;

@ApiTags('nps')
@Controller('nps')
export class NpsController {
  constructor(private readonly nps: NpsService) {}

  @Get('surveys/:token')
  @Public()
  @ApiOperation({ summary: 'The customer’s survey, by its signed link (no sign-in); 403 altered, 410 expired' })
  @ApiOkResponse({ type: NpsSurveyDto })
  survey(@Param('token') token: string): Promise<NpsSurveyDto> {
    return this.nps.survey(token);
  }

  @Post('surveys/:token/answer')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'The customer answers 0–10 and a comment, once (409 after)' })
  @ApiOkResponse({ type: NpsSurveyDto })
  answer(@Param('token') token: string, @Body() dto: NpsAnswerInDto): Promise<NpsSurveyDto> {
    return this.nps.answer(token, dto);
  }

  @Get('report')
  @Allow(REPORT_ROLES)
  @ApiOperation({ summary: 'NPS per month, per account manager and per destination (account managers: their own customers)' })
  @ApiOkResponse({ type: NpsReportDto })
  report(@CurrentPrincipal() p: Principal, @Query() q: NpsReportQueryDto): Promise<NpsReportDto> {
    return this.nps.report(p, q);
  }

  @Get('answers')
  @Allow(REPORT_ROLES)
  @ApiOperation({ summary: 'The answers and comments, newest first' })
  @ApiOkResponse({ type: NpsAnswerListDto })
  answers(@CurrentPrincipal() p: Principal, @Query() q: NpsAnswerQueryDto): Promise<NpsAnswerListDto> {
    return this.nps.answers(p, q);
  }
}
