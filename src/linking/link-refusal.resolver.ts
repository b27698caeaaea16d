import { FieldResolver, Resolver, Root } from 'type-graphql';
import { UserErrorView } from '../shared/graphql/user-error.type';
import { attentionDetail, linkMoveDetail } from './link-state';
import { LinkAttentionView, RefusedLinkMoveView } from './link.types';

/** What a refusal about a link names, as typed fields of `UserError`. */
@Resolver(() => UserErrorView)
export class LinkRefusalResolver {
  @FieldResolver(() => RefusedLinkMoveView, {
    nullable: true,
    description:
      'The link states a refused step involved (INVALID_LINK_TRANSITION, LINK_NOT_AWAITING_AUTHORIZATION, ALREADY_LINKED, ' +
      'PREVIOUS_LINK_NOT_UNLINKED); null for other refusals.',
  })
  linkMove(@Root() error: UserErrorView): RefusedLinkMoveView | null {
    return linkMoveDetail.readFrom(error);
  }

  @FieldResolver(() => LinkAttentionView, {
    nullable: true,
    description: 'L8: why the link needs attention and what to do, when that is what refused the step (LINK_NEEDS_ATTENTION); null otherwise.',
  })
  attention(@Root() error: UserErrorView): LinkAttentionView | null {
    const attention = attentionDetail.readFrom(error);
    return attention ? LinkAttentionView.from({ ...attention, since: new Date(attention.since) }) : null;
  }
}
