export * from './jellyseerrSetting'
export * from './jellyseerrSetting.dto'
