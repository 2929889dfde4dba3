/**
 * Metadata for notification.
 */
export interface NotificationMetadata {
  disbursementId?: number;
  applicationNumber?: string;
  assessmentId?: number;
}
