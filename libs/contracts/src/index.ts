export * from './lib/api';
export * from './lib/domain-enums';
export * from './lib/domain-alerts';
export * from './lib/identity';
export * from './lib/customer-groups';
export * from './lib/initiatives';
export * from './lib/gates';
