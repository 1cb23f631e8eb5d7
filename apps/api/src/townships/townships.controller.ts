import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@app/identity';
import { Townships } from '@app/kindergartens';
import { Access, Public } from '../auth/access.decorator.js';
import { Problems } from '../http/openapi/openapi.js';

class TownshipResponse {
  @ApiProperty({ example: 'chengguan' }) id: string;
  @ApiProperty({ example: '城关镇' }) name: string;
}

class TownshipList {
  @ApiProperty({ type: [TownshipResponse] }) items: TownshipResponse[];
}

/** The county's township register (seeded): what a kindergarten's `township` and a supervisor's 责任区 name. */
@ApiTags('kindergartens')
@Controller()
export class TownshipsController {
  constructor(@Inject(Townships) private readonly townships: Townships) {}

  @Get('townships')
  @Access(...ROLES)
  @ApiOperation({ summary: 'The county’s townships', description: 'Every role. `{items: [{id, name}]}`.' })
  @ApiOkResponse({ type: TownshipList })
  list() {
    return { items: this.townships.all() };
  }

  @Get('public/townships')
  @Public({ rateLimited: true })
  @ApiOperation({ summary: 'The county’s townships (no sign-in)', description: 'No token. `{items: [{id, name}]}`; limited per client address.' })
  @ApiOkResponse({ type: TownshipList })
  @Problems({ 429: ['rate-limited'] })
  publicList() {
    return { items: this.townships.all() };
  }
}
