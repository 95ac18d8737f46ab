import type { DynamicModule, Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ClsModule } from 'nestjs-cls';
import { transactionsModule, withoutNoOpEnhancers } from './database.module';

/** What the modules a dynamic module imports provide (tokens). */
function provided(module: DynamicModule): unknown[] {
  return (module.imports ?? [])
    .flatMap((imported) => ('module' in imported ? (imported.providers ?? []) : []))
    .map((provider: Provider) => (typeof provider === 'object' ? provider.provide : provider));
}

describe('the transactions module', () => {
  it("leaves out nestjs-cls's no-op global guard and interceptor, and keeps the rest", () => {
    const cls = ClsModule.forRoot({ middleware: { mount: true } });
    expect(provided(cls)).toEqual(expect.arrayContaining([APP_GUARD, APP_INTERCEPTOR]));

    const kept = provided(withoutNoOpEnhancers(cls));
    expect(kept).not.toContain(APP_GUARD);
    expect(kept).not.toContain(APP_INTERCEPTOR);
    expect(kept).toHaveLength(provided(cls).length - 2);

    const app = provided(transactionsModule());
    expect(app).not.toContain(APP_GUARD);
    expect(app).not.toContain(APP_INTERCEPTOR);
  });
});
