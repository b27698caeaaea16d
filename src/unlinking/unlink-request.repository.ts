import { DataSource, In } from 'typeorm';
import { UnlinkRequest, UnlinkRequestState } from './unlink-request.entity';

/** Reads of unlink requests, scoped to a merchant except for the scheduler's. */
export class UnlinkRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  findForMerchant(requestId: string, merchantId: string) {
    return this.dataSource.manager.findOneBy(UnlinkRequest, { id: requestId, merchantId });
  }

  /** The merchant's latest request, whatever its state. */
  latestFor(merchantId: string) {
    return this.dataSource.manager.findOne(UnlinkRequest, { where: { merchantId }, order: { id: 'DESC' } });
  }

  /** Every request of these links, newest first. */
  forLinks(linkIds: string[], merchantId: string) {
    return this.dataSource.manager.find(UnlinkRequest, { where: { linkId: In(linkIds), merchantId }, order: { id: 'DESC' } });
  }

  /** Every merchant's requests in one state: the scheduler's work list. */
  inState(state: UnlinkRequestState) {
    return this.dataSource.manager.find(UnlinkRequest, { where: { state }, order: { id: 'ASC' } });
  }
}
