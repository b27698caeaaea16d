import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', { description: 'An object with a global ID, which `node(id:)` can fetch again.' })
export abstract class Node {
  @Field(() => ID, { description: 'An opaque global ID. Do not parse it; pass it back as is.' })
  id!: string;
}
