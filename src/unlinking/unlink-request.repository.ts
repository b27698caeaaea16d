import { recordChange } from '../database/transaction-runner';
import { DataSource, EntityManager, In } from 'typeorm';
import { UnlinkRequest } from './unlink-request.entity';
import { UnlinkRequestState } from './unlink-request-state';

/** Reads and writes of unlink requests, scoped to a merchant except for the scheduler's work list. */
export class UnlinkRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  findForMerchant(requestId: string, merchantId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(UnlinkRequest, { id: requestId, merchantId });
  }

  /** The merchant's latest request, whatever its state. */
  latestFor(merchantId: string) {
    return this.dataSource.manager.findOne(UnlinkRequest, { where: { merchantId }, order: { id: 'DESC' } });
  }

  /** Every request of these links, newest first. */
  forLinks(linkIds: readonly string[], merchantId: string) {
    return this.dataSource.manager.find(UnlinkRequest, { where: { linkId: In([...linkIds]), merchantId }, order: { id: 'DESC' } });
  }

  /** Every merchant's requests in one state: the scheduler's work list. */
  inState(state: UnlinkRequestState) {
    return this.dataSource.manager.find(UnlinkRequest, { where: { state }, order: { id: 'ASC' } });
  }

  /** The request, if it is still in the state it was read in (the scheduler claims each move with it). */
  findStillIn(request: UnlinkRequest, state: UnlinkRequestState, manager: EntityManager) {
    return manager.findOneBy(UnlinkRequest, { id: request.id, merchantId: request.merchantId, state });
  }

  async insert(manager: EntityManager, request: UnlinkRequest): Promise<void> {
    await manager.insert(UnlinkRequest, request);
    recordChange(manager, { type: 'UNLINK_REQUEST', merchantId: request.merchantId, unlinkRequestId: request.id });
  }

  /** Moves a request on, only from the state it was read in; false when another writer got there first. */
  async move(manager: EntityManager, request: UnlinkRequest, changes: Partial<UnlinkRequest> & { state: UnlinkRequestState }): Promise<boolean> {
    const result = await manager.update(UnlinkRequest, { id: request.id, merchantId: request.merchantId, state: request.state }, changes);
    if (result.affected === 1) recordChange(manager, { type: 'UNLINK_REQUEST', merchantId: request.merchantId, unlinkRequestId: request.id });
    return result.affected === 1;
  }
}
