import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { OrderState } from './order-state';

@InputType({ description: 'Which orders to list.' })
export class OrderFilter {
  @Field(() => [OrderState], { nullable: true, description: 'Only orders in these states.' })
  @IsOptional()
  @ArrayMaxSize(7)
  states?: OrderState[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only orders still inside their return window (true: undelivered, in the window, return or refund pending) or outside it (false).',
  })
  @IsOptional()
  insideReturnWindow?: boolean | null;
}

@InputType({ description: 'Sandbox only: one product of an order a shopper places.' })
export class SandboxOrderLineInput {
  @Field(() => ID, { description: 'The catalog product.' })
  @Length(1, 200)
  productId!: string;

  @Field(() => Int, { description: 'Units, 1 to 10.' })
  @Min(1)
  @Max(10)
  quantity!: number;
}

@InputType({ description: 'Sandbox only: an order as a shopper places it on the merchant\'s site.' })
export class SandboxPlaceOrderInput {
  @Field(() => [SandboxOrderLineInput], { description: '1 to 20 lines.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  lines!: SandboxOrderLineInput[];
}
