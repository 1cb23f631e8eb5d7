import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PublishDisclosureHandler } from './application/publish-disclosure.js';
import { RegisterKindergartenHandler } from './application/register-kindergarten.js';

@Module({
  imports: [CqrsModule],
  providers: [RegisterKindergartenHandler, PublishDisclosureHandler],
})
export class KindergartensModule {}
