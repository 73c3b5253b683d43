import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONFIG, Config } from '@crm/platform';
import { Allow, CurrentPrincipal, Public } from './access.decorator';
import { Principal } from './access-rules';
import { AuthService, SESSION_COOKIE } from './auth.service';
import { LoginDto, LoginResultDto, SessionUserDto } from './dto/user.dto';
import { bearerOrCookie } from './access.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: LoginResultDto })
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResultDto> {
    const { token, user, expiresAt } = await this.auth.login(dto.email, dto.password);
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure, path: '/', expires: expiresAt });
    return { token, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }

  @Post('logout')
  @HttpCode(204)
  @Allow()
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = bearerOrCookie(req);
    if (token) await this.auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @Allow()
  @ApiOkResponse({ type: SessionUserDto })
  me(@CurrentPrincipal() p: Principal): SessionUserDto {
    if (p.kind !== 'user') throw new Error('unreachable: staff route');
    return { id: p.id, email: p.email, name: p.name, role: p.role };
  }
}
