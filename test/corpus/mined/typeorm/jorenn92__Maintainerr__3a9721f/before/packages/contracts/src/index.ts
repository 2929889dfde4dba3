export * from './app'
export * from './events'
export * from './settings/logs'
export * from './tasks'
