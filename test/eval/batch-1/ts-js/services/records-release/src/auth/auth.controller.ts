import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import { IsString } from 'class-validator';
import { AuthService } from './auth.service';

class SignInDto {
  @IsString()
  username!: string;

  @IsString()
  password!: string;
}

class MagicLinkDto {
  @IsString()
  email!: string;
}

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Staff and requester sign-in. Tight limit against password spraying. */
  @Post('sign-in')
  @HttpCode(200)
  @Throttle({ default: { limit: 5, ttl: 300_000 } })
  async signIn(@Body() dto: SignInDto) {
    const tokens = await this.auth.signIn(dto.username, dto.password);
    if (!tokens) throw new UnauthorizedException('Invalid username or password');
    return tokens;
  }

  @Post('magic-link')
  @HttpCode(202)
  @Throttle({ default: { limit: 3, ttl: 3_600_000 } })
  async magicLink(@Body() dto: MagicLinkDto) {
    await this.auth.sendMagicLink(dto.email);
    return { sent: true };
  }
}
