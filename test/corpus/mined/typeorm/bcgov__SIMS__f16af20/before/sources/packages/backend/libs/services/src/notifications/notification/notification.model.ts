import { FormCategory, NotificationMessageType } from "@sims/sims-db";
import { NotificationEmailMessage } from "./gc-notify.model";
import { NotificationMetadata } from "@sims/sims-db/entities/notification-metadata.type";

export interface SaveNotificationModel {
  userId?: number;
  messageType: NotificationMessageType;
  messagePayload: NotificationEmailMessage;
  metadata?: NotificationMetadata;
}

export interface StudentFileUploadNotification {
  firstName: string;
  lastName: string;
  birthDate: Date;
  email: string;
  applicationNumber?: string;
  documentPurpose: string;
  userId: number;
  fileNames: string[];
}

export interface MinistryStudentFileUploadNotification {
  firstName: string;
  lastName: string;
  toAddress: string;
  userId: number;
}

export interface PartialStudentMatchNotification {
  givenNames: string;
  lastName: string;
  birthDate: Date;
  matchTime: Date;
  studentEmail: string;
  matches: string;
}

export interface MSFAACancellationNotification {
  givenNames: string;
  lastName: string;
  toAddress: string;
  userId: number;
}

export interface ApplicationOfferingChangeRequestInProgressWithStudentNotification {
  givenNames: string;
  lastName: string;
  toAddress: string;
  userId: number;
}

export interface ApplicationOfferingChangeRequestCompleteNotification {
  givenNames: string;
  lastName: string;
  toAddress: string;
  userId: number;
}

export interface StudentRestrictionAddedNotification {
  givenNames?: string;
  lastName: string;
  toAddress: string;
  userId: number;
}

export interface LegacyRestrictionAddedNotification {
  firstName: string;
  lastName: string;
  email: string;
  birthDate: Date;
  userId: number;
}

export interface StudentNotification {
  givenNames?: string;
  lastName: string;
  toAddress: string;
  userId: number;
  applicationNumber?: string;
}

export interface DisbursementBlockedNotification {
  givenNames: string;
  lastName: string;
  email: string;
  birthDate: string;
  applicationNumber: string;
}

export interface ApplicationExceptionRequestNotification {
  givenNames: string;
  lastName: string;
  email: string;
  birthDate: string;
  applicationNumber: string;
}

export interface ApplicationEditedTooManyTimesNotification {
  givenNames: string;
  lastName: string;
  email: string;
  birthDate: string;
  applicationNumber: string;
}

export interface StudentSubmittedChangeRequestNotification {
  givenNames: string;
  lastName: string;
  email: string;
  birthDate: string;
  applicationNumber: string;
}

/**
 * Ministry notification data when a student submits an appeal using the
 * existing (pre-form-submissions-framework) appeal notification template.
 */
export interface MinistryStudentAppealNotification {
  givenNames: string;
  lastName: string;
  email: string;
  birthDate: string;
  applicationNumber?: string;
}

export interface StudentRequestsBasicBCeIDAccountNotification {
  givenNames: string;
  lastName: string;
  email: string;
  birthDate: string;
}

export interface ECertFeedbackFileErrorNotification {
  givenNames: string;
  lastName: string;
  applicationNumber: string;
  documentNumber: number;
  errorCodes: string[];
}

export interface ApplicationOfferingChangeRequestApprovedByStudentNotification {
  givenNames: string;
  lastName: string;
  email: string;
  birthDate: string;
  applicationNumber: string;
}

export interface NotificationProcessingSummary {
  notificationsProcessed: number;
  notificationsSuccessfullyProcessed: number;
}

export interface ECEResponseFileProcessingNotification {
  institutionCode: string;
  integrationContacts: string[];
  fileParsingErrors: number;
  totalRecords: number;
  totalRecordsSkipped: number;
  totalDisbursements: number;
  disbursementsSuccessfullyProcessed: number;
  disbursementsSkipped: number;
  duplicateDisbursements: number;
  disbursementsFailedToProcess: number;
  attachmentFileContent: string;
}

export interface InstitutionRequestsDesignationNotification {
  institutionName: string;
  institutionOperatingName: string;
  institutionPrimaryEmail: string;
}

export interface InstitutionAddsPendingProgramNotification {
  institutionName: string;
  institutionOperatingName: string;
  programName: string;
  institutionPrimaryEmail: string;
  email: string;
}

export interface InstitutionAddsPendingOfferingNotification {
  institutionName: string;
  institutionOperatingName: string;
  institutionLocationName: string;
  programName: string;
  offeringName: string;
  institutionPrimaryEmail: string;
  email: string;
}

export interface DailyDisbursementReportProcessingNotification {
  attachmentFileContent: string;
  fileName: string;
}

export type NotificationSupportingUserType = "parents" | "partner" | "parent";

export interface SupportingUserInformationNotification {
  givenNames: string;
  lastName: string;
  toAddress: string;
  userId: number;
  supportingUserType: NotificationSupportingUserType;
}

export interface ParentInformationRequiredFromParentNotification {
  givenNames?: string;
  lastName: string;
  toAddress: string;
  parentFullName: string;
  applicationNumber: string;
  userId: number;
  supportingUserType: NotificationSupportingUserType;
}

export interface ParentInformationRequiredFromStudentNotification {
  givenNames?: string;
  lastName: string;
  toAddress: string;
  parentFullName: string;
  applicationNumber: string;
  userId: number;
  supportingUserType: NotificationSupportingUserType;
}

export interface StudentPDPPDNotification {
  userId: number;
  assessmentId: number;
  givenNames: string;
  lastName: string;
  email: string;
  applicationNumber: string;
}

export interface StudentSecondDisbursementNotification {
  userId: number;
  assessmentId: number;
  givenNames: string;
  lastName: string;
  email: string;
}

export interface ScholasticStandingReversalNotification {
  givenNames?: string;
  lastName: string;
  toAddress: string;
  userId: number;
  applicationNumber: string;
}

/**
 * Notification data for students with COE required near study end date.
 */
export interface StudentCOERequiredNearEndDateNotification {
  userId: number;
  assessmentId: number;
  givenNames?: string;
  lastName: string;
  email: string;
  applicationNumber: string;
}

/**
 * Ministry notification data when a student submits a form submission,
 * including the form category, human-readable form names, and the related application number if available.
 */
export interface MinistryFormSubmittedNotification {
  givenNames: string;
  lastName: string;
  email: string;
  birthDate: string;
  formCategory: FormCategory;
  formNames: string[];
  applicationNumber?: string;
}

export enum FileProcessingIssueType {
  CRA = "CRA",
  SIN = "SIN",
}

export interface MinistryFileProcessingIssueNotification {
  fileName: string;
  dateSent: Date;
  type: FileProcessingIssueType;
}

export interface StudentAcceptAssessmentReminderNotification {
  givenNames?: string;
  lastName: string;
  toAddress: string;
  userId: number;
  applicationNumber: string;
  assessmentId: number;
}

/**
 * Notification sent to the ministry when a program suspension restriction
 * is blocking an application at accept assessment or at e-Cert.
 */
export interface ProgramSuspensionBlockingApplicationNotification {
  givenNames?: string;
  lastName: string;
  studentEmail: string;
  birthDate: string;
  applicationNumber: string;
  institutionOperatingName: string;
  programName: string;
  metadata: { assessmentId: number } | { disbursementId: number };
}
