export * from './logs'
