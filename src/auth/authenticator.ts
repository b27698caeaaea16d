import { DataSource } from 'typeorm';
import { MerchantUser } from './merchant-user.entity';
import { hashToken } from './tokens';
import { Viewer } from './viewer';

const bearerPattern = /^Bearer ([A-Za-z0-9._~+/=-]{1,200})$/;

/** Turns an `Authorization: Bearer <token>` header into the viewer it belongs to, or null. */
export class Authenticator {
  constructor(private readonly dataSource: DataSource) {}

  async authenticate(authorizationHeader: string | undefined): Promise<Viewer | null> {
    const match = bearerPattern.exec(authorizationHeader ?? '');
    if (!match) return null;
    const user = await this.dataSource.manager.findOneBy(MerchantUser, { tokenHash: hashToken(match[1]) });
    return user ? { userId: user.id, merchantId: user.merchantId, role: user.role } : null;
  }
}
