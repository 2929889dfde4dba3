export * from './tautulliSetting'
export * from './tautulliSetting.dto'
