export * from './lib/api';
export * from './lib/domain-enums';
export * from './lib/domain-alerts';
