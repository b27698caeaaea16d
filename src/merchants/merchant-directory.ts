import { DataSource, In } from 'typeorm';
import { MerchantUser } from '../auth/merchant-user.entity';
import { Merchant } from './merchant.entity';

/** Merchants and their users, as the rest of the code reads them. */
export class MerchantDirectory {
  constructor(private readonly dataSource: DataSource) {}

  findMerchant(merchantId: string) {
    return this.dataSource.manager.findOneBy(Merchant, { id: merchantId });
  }

  findUser(userId: string, merchantId: string) {
    return this.dataSource.manager.findOneBy(MerchantUser, { id: userId, merchantId });
  }

  findUsers(userIds: readonly string[], merchantId: string) {
    return this.dataSource.manager.findBy(MerchantUser, { id: In([...userIds]), merchantId });
  }
}
