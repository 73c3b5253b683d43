import { DynamicModule, Global, Module } from '@nestjs/common';
import { Config } from './config';

export const CONFIG = Symbol('CONFIG');

/** Provides the already-validated Config to every module (validation happens in main, before Nest starts). */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: Config): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] };
  }
}
