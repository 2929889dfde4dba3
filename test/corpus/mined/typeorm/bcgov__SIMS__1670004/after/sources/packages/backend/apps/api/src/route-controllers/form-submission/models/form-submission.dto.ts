import {
  FormCategory,
  FormSubmissionCancellationReason,
  FormSubmissionDecisionStatus,
  FormSubmissionStatus,
  NOTE_DESCRIPTION_MAX_LENGTH,
} from "@sims/sims-db";
import { JSON_20KB } from "../../../constants";
import {
  KnownSupplementaryData,
  KnownSupplementaryDataKey,
} from "../../../services/form-submission/form-submission.models";
import { JsonMaxSize } from "../../../utilities/class-validation";
import { Transform, Type } from "class-transformer";
import {
  IsPositive,
  IsDefined,
  IsOptional,
  ArrayMinSize,
  ArrayMaxSize,
  ValidateNested,
  IsEnum,
  IsNotEmpty,
  MaxLength,
  IsDate,
} from "class-validator";

/**
 * Max number of form submission items allowed in a single form submission.
 */
const MAX_SUBMISSION_ITEMS = 50;

/**
 * Form configuration details necessary for form submission.
 * Dictates the necessary details for the client to render the form and submit the data,
 * including in which category the form belongs, whether it has application scope,
 * and whether it allows bundled submission.
 */
export class FormSubmissionConfigurationAPIOutDTO {
  id: number;
  formDefinitionName: string;
  formType: string;
  formCategory: FormCategory;
  formDescription: string;
  allowBundledSubmission: boolean;
  hasApplicationScope: boolean;
}

/**
 * List of form configurations for form submission, currently used only to display
 * available forms for the student when starting a new form submission.
 */
export class FormSubmissionConfigurationsAPIOutDTO {
  configurations: FormSubmissionConfigurationAPIOutDTO[];
}

/**
 * Form submission with one to many forms.
 * This is a basic representation of a form submission properties to be extended
 * for Ministry, Student, and Institutions.
 */
abstract class FormSubmissionBaseAPIOutDTO {
  id: number;
  formCategory: FormCategory;
  status: FormSubmissionStatus;
  applicationId?: number;
  applicationNumber?: string;
  submittedDate: Date;
  assessedDate?: Date;
  cancellationReason?: FormSubmissionCancellationReason;
}

/**
 * Individual form items that will be part of a form submission with one to many forms.
 * This is a basic representation of a form submission item properties to be extended
 * for Ministry, Student, and Institutions.
 */
abstract class FormSubmissionItemBaseAPIOutDTO {
  id: number;
  formType: string;
  formCategory: FormCategory;
  dynamicFormConfigurationId: number;
  submissionData: unknown;
  formDefinitionName: string;
}

/**
 * Current decision associated with a form submission
 * item used by Student and Institution.
 */
export class FormSubmissionItemDecisionAPIOutDTO {
  id?: number;
  decisionStatus: FormSubmissionDecisionStatus | null;
  decisionNoteDescription?: string;
}

/**
 * Current decision associated with a form submission item
 * with additional details for the Ministry, including the decision date and decision by.
 */
export class FormSubmissionItemDecisionMinistryAPIOutDTO extends FormSubmissionItemDecisionAPIOutDTO {
  decisionDate?: Date;
  decisionBy?: string;
}

export class FormSubmissionItemAPIOutDTO extends FormSubmissionItemBaseAPIOutDTO {
  /**
   * Current decision details for this form submission item. The current decision is the most recent decision made on
   * this item and represents the current state of the item.
   * Optionally include decision information if the user has the necessary permissions to view the decision details.
   */
  currentDecision: FormSubmissionItemDecisionAPIOutDTO;
}

/**
 * Form submission with one to many forms for the Ministry,
 * including the individual form items.
 */
export class FormSubmissionAPIOutDTO extends FormSubmissionBaseAPIOutDTO {
  /**
   * For consumers with role based access, indicates if the user has authorization
   * to view at least one of the form items submitted data.
   */
  canViewFormSubmittedData?: boolean;
  canCancelSubmission: boolean;
  statusUpdatedDate: Date;
  submissionItems: FormSubmissionItemAPIOutDTO[];
}

/**
 * List of form submissions for a student, including the
 * individual form items and their details.
 */
export class FormSubmissionsAPIOutDTO {
  submissions: FormSubmissionAPIOutDTO[];
}

/**
 * Individual form items that will be part of a form submission with one to many forms
 * for the Ministry, including the decision details.
 */
export class FormSubmissionItemMinistryAPIOutDTO extends FormSubmissionItemBaseAPIOutDTO {
  /**
   * Indicates if the user has authorization to make a decision on this form item.
   */
  canAssessItemDecision: boolean;
  /**
   * Most recent update date for this form submission item. This is used to determine if the item is outdated when
   * submitting a decision on it, to prevent overwriting a more recent decision.
   */
  updatedAt: Date;
  /**
   * Current decision details for this form submission item. The current decision is the most recent decision made on
   * this item and represents the current state of the item.
   * Optionally include decision information if the user has the necessary permissions to view the decision details.
   */
  currentDecision: FormSubmissionItemDecisionMinistryAPIOutDTO;
  /**
   * Decision history for this form submission item. The decision history includes all decisions made on this but
   * the current one that is sent separately in the currentDecision property.
   * Optionally include decision history information if the user has the necessary permissions to view the decision details.
   */
  previousDecisions?: FormSubmissionItemDecisionMinistryAPIOutDTO[];
}

/**
 * Form submission with one to many forms for the Ministry,
 * including the individual form items.
 */
export class FormSubmissionMinistryAPIOutDTO extends FormSubmissionBaseAPIOutDTO {
  /**
   * Indicates when a the final decision can be made on the form submission.
   * Not present when a single form item is requested.
   */
  canAssessFinalDecision?: boolean;
  submissionItems: FormSubmissionItemMinistryAPIOutDTO[];
  studentId: number;
  studentFullName: string;
}

/**
 * Forms supplementary data necessary for a dynamic form
 * submissions (e.g., program year, parents).
 */
export class FormSupplementaryDataAPIInDTO {
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @Transform(({ value }) => value.split(","))
  @IsEnum(KnownSupplementaryDataKey, { each: true })
  dataKeys: KnownSupplementaryDataKey[];
  @IsOptional()
  @IsPositive()
  applicationId?: number;
}

/**
 * Consolidated supplementary data for dynamic form submissions.
 * The keys of this object are dynamic based on the known supplementary
 * data keys requested by the client.
 */
export class FormSupplementaryDataAPIOutDTO {
  formData: KnownSupplementaryData;
}

/**
 * Student individual form item in the form submission.
 */
export class FormSubmissionItemAPIInDTO {
  @IsPositive()
  dynamicConfigurationId: number;
  @IsDefined()
  @JsonMaxSize(JSON_20KB)
  formData: KnownSupplementaryData & Record<string, unknown>;
  @IsDefined()
  files: string[];
}

/**
 * Student form submission with one to many form items for individual Ministry decision.
 * All forms must belong to same category and may be related to an application.
 * When related to an application, the application ID must be provided and all
 * forms must have application scope.
 * For submissions with an application scope, that must enforce the applicationId,
 * the validation is executed outside the DTO scope.
 */
export class FormSubmissionAPIInDTO {
  @IsOptional()
  @IsPositive()
  applicationId?: number;
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SUBMISSION_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => FormSubmissionItemAPIInDTO)
  items: FormSubmissionItemAPIInDTO[];
}

/**
 * Summary of a pending form submission for the ministry queue.
 * Applies to all form submission categories, including student forms and appeals.
 */
export class FormSubmissionPendingSummaryAPIOutDTO {
  formSubmissionId: number;
  studentId: number;
  submittedDate: Date;
  firstName?: string;
  lastName: string;
  formNames: string[];
  applicationId?: number;
  applicationNumber?: string;
}

/**
 * Ministry individual form item decision update.
 */
export class FormSubmissionItemDecisionAPIInDTO {
  @IsEnum(FormSubmissionDecisionStatus)
  decisionStatus: FormSubmissionDecisionStatus;
  @IsNotEmpty()
  @MaxLength(NOTE_DESCRIPTION_MAX_LENGTH)
  noteDescription: string;
  /**
   * Date when the decision record was last updated. Used for concurrency control
   * to prevent overwriting a more recent decision.
   */
  @Type(() => Date)
  @IsDate()
  lastUpdateDate: Date;
}

/**
 * Decision item for form submission completion.
 * Mainly used to ensure that the form submission is not outdated when
 * the Ministry user tries to complete the form submission.
 */
export class FormSubmissionCompletionItemAPIInDTO {
  @IsPositive()
  submissionItemId: number;
  @Type(() => Date)
  @IsDate()
  lastUpdateDate: Date;
}

/**
 * Ministry individual form item decision update.
 */
export class FormSubmissionCompletionAPIInDTO {
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SUBMISSION_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => FormSubmissionCompletionItemAPIInDTO)
  items: FormSubmissionCompletionItemAPIInDTO[];
}
