export * from './basicResponse.dto'
export * from './versionResponse.dto'
