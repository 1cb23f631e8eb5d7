import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetKindergartenHandler, ListKindergartensHandler, ListPublicKindergartensHandler } from './application/kindergarten.queries.js';
import { PublishDisclosureHandler } from './application/publish-disclosure.js';
import { RegisterKindergartenHandler } from './application/register-kindergarten.js';
import { KindergartenViews } from './read-models/kindergarten-views.js';

@Module({
  imports: [CqrsModule],
  providers: [
    RegisterKindergartenHandler,
    PublishDisclosureHandler,
    ListKindergartensHandler,
    GetKindergartenHandler,
    ListPublicKindergartensHandler,
    KindergartenViews,
  ],
  exports: [KindergartenViews],
})
export class KindergartensModule {}
