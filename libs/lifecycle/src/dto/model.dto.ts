import { ApiProperty } from '@nestjs/swagger';

export class LifecycleModelDto {
  @ApiProperty({ description: 'BG/NBD: shape of the purchase-rate gamma' }) r: number;
  @ApiProperty({ description: 'BG/NBD: scale of the purchase-rate gamma, weeks' }) alpha: number;
  @ApiProperty({ description: 'BG/NBD: drop-out beta a' }) a: number;
  @ApiProperty({ description: 'BG/NBD: drop-out beta b' }) b: number;
  @ApiProperty() logLikelihood: number;
  @ApiProperty({ description: 'customers with a sale by asOf, the model was fitted on' }) customers: number;
  @ApiProperty({ enum: ['week'] }) timeUnit: 'week';
  @ApiProperty() asOf: string;
  @ApiProperty() fittedAt: string;
}
