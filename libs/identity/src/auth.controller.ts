import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONFIG, Config, clientIp } from '@crm/platform';
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
  async login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResultDto> {
    const { token, user, expiresAt } = await this.auth.login(dto.email, dto.password, clientIp(req));
    reply.setCookie(SESSION_COOKIE, token, { ...this.cookieFlags(req), expires: expiresAt });
    return { token, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }

  @Post('logout')
  @HttpCode(204)
  @Allow()
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = bearerOrCookie(req);
    if (token) await this.auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, this.cookieFlags(req));
  }

  /**
   * Script cannot read the cookie (httpOnly), other sites' requests do not carry it on writes (SameSite=Lax), and it
   * travels only over https when COOKIE_SECURE is set or the request came over https (directly, or through a proxy
   * TRUST_PROXY lets us believe about X-Forwarded-Proto).
   */
  private cookieFlags(req: FastifyRequest) {
    return { httpOnly: true, sameSite: 'lax' as const, secure: this.config.cookieSecure || req.protocol === 'https', path: '/' };
  }

  @Get('me')
  @Allow()
  @ApiOkResponse({ type: SessionUserDto })
  me(@CurrentPrincipal() p: Principal): SessionUserDto {
    if (p.kind !== 'user') throw new Error('unreachable: staff route');
    return { id: p.id, email: p.email, name: p.name, role: p.role };
  }
}
