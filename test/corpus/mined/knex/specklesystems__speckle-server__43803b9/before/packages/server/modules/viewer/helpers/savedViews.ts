import {
  formatResourceIdsForGroup,
  buildDefaultGroupId,
  decodeDefaultGroupId,
  type DefaultGroupMetadata
} from '@speckle/shared/saved-views'

export { formatResourceIdsForGroup, buildDefaultGroupId, decodeDefaultGroupId }
export type { DefaultGroupMetadata }
