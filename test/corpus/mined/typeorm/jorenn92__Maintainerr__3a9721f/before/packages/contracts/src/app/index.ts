export * from './versionResponse.dto'
