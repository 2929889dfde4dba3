import { Injectable } from "@nestjs/common";
import {
  DataSource,
  In,
  Not,
  Brackets,
  EntityManager,
  SelectQueryBuilder,
} from "typeorm";
import {
  RecordDataModelService,
  Application,
  ApplicationStudentFile,
  EducationProgramOffering,
  ProgramInfoStatus,
  ApplicationStatus,
  Student,
  StudentFile,
  ProgramYear,
  PIRDeniedReason,
  StudentAssessment,
  AssessmentTriggerType,
  User,
  ApplicationData,
  getUserFullNameLikeSearch,
  transformToApplicationEntitySortField,
  StudentAssessmentStatus,
  FileOriginType,
  ApplicationEditStatus,
  OfferingIntensity,
  InstitutionLocation,
  StudentAppeal,
  APPLICATION_EDIT_STATUS_IN_PROGRESS_VALUES,
  RestrictionActionType,
  NotificationMessageType,
  FormSubmissionCancellationReason,
} from "@sims/sims-db";
import { StudentFileService } from "../student-file/student-file.service";
import {
  ApplicationScholasticStandingStatus,
  ApplicationSubmissionResult,
} from "./application.models";
import {
  PIR_DENIED_REASON_OTHER_ID,
  sortApplicationsColumnMap,
  STUDY_DATE_OVERLAP_ERROR_MESSAGE,
  STUDY_DATE_OVERLAP_ERROR,
  PaginationOptions,
  PIRPaginationOptions,
  PaginatedResults,
  offeringBelongToProgramYear,
  APPLICATION_EDIT_COUNT_TO_SEND_NOTIFICATION,
  allowApplicationChangeRequest,
} from "../../utilities";
import { CustomNamedError, FieldSortOrder } from "@sims/utilities";
import {
  SFASApplicationService,
  SFASPartTimeApplicationsService,
} from "@sims/services/sfas";
import { EducationProgramOfferingService } from "../education-program-offering/education-program-offering.service";
import { StudentRestrictionService } from "../restriction/student-restriction.service";
import {
  PIR_DENIED_REASON_NOT_FOUND_ERROR,
  PIR_REQUEST_NOT_FOUND_ERROR,
  OFFERING_NOT_VALID,
  INSTITUTION_LOCATION_NOT_VALID,
  OFFERING_INTENSITY_MISMATCH,
  OFFERING_DOES_NOT_BELONG_TO_LOCATION,
  OFFERING_PROGRAM_YEAR_MISMATCH,
  EDUCATION_PROGRAM_IS_NOT_ACTIVE,
  EDUCATION_PROGRAM_IS_EXPIRED,
  ACTIVE_INSTITUTION_RESTRICTION,
} from "../../constants";
import {
  SequenceControlService,
  StudentRestrictionSharedService,
  RestrictionCode,
  RestrictionSharedService,
} from "@sims/services";
import { ConfigService } from "@sims/utilities/config";
import {
  ApplicationEditedTooManyTimesNotification,
  NotificationActionsService,
  NotificationService,
  StudentSubmittedChangeRequestNotification,
} from "@sims/services/notifications";
import { InstitutionLocationService } from "../institution-location/institution-location.service";
import { FormSubmissionCancellationService, StudentService } from "..";
import { INVALID_OPERATION_IN_THE_CURRENT_STATE } from "@sims/services/constants";

export const APPLICATION_DRAFT_NOT_FOUND = "APPLICATION_DRAFT_NOT_FOUND";
export const MORE_THAN_ONE_APPLICATION_DRAFT_ERROR =
  "ONLY_ONE_APPLICATION_DRAFT_PER_STUDENT_ALLOWED";
export const APPLICATION_NOT_FOUND = "APPLICATION_NOT_FOUND";
export const APPLICATION_NOT_VALID = "APPLICATION_NOT_VALID";
export const INVALID_OPERATION_IN_THE_CURRENT_STATUS =
  "INVALID_OPERATION_IN_THE_CURRENT_STATUS";
export const COE_DENIED_REASON_NOT_FOUND_ERROR =
  "COE_DENIED_REASON_NOT_FOUND_ERROR";
export const INSUFFICIENT_APPLICATION_SEARCH_PARAMS =
  "INSUFFICIENT_APPLICATION_SEARCH_PARAMS";
export const APPLICATION_CHANGE_REQUEST_ALREADY_IN_PROGRESS =
  "APPLICATION_CHANGE_REQUEST_ALREADY_IN_PROGRESS";

/**
 * Application statuses excluded from PIR operations.
 */
const PIR_EXCLUDED_APPLICATION_STATUSES = [
  ApplicationStatus.Edited,
  ApplicationStatus.Cancelled,
];

@Injectable()
export class ApplicationService extends RecordDataModelService<Application> {
  constructor(
    private readonly configService: ConfigService,
    private readonly dataSource: DataSource,
    private readonly sfasApplicationService: SFASApplicationService,
    private readonly sfasPartTimeApplicationsService: SFASPartTimeApplicationsService,
    private readonly sequenceService: SequenceControlService,
    private readonly fileService: StudentFileService,
    private readonly studentRestrictionService: StudentRestrictionService,
    private readonly offeringService: EducationProgramOfferingService,
    private readonly notificationActionsService: NotificationActionsService,
    private readonly institutionLocationService: InstitutionLocationService,
    private readonly notificationService: NotificationService,
    private readonly studentService: StudentService,
    private readonly studentRestrictionSharedService: StudentRestrictionSharedService,
    private readonly restrictionSharedService: RestrictionSharedService,
    private readonly formSubmissionCancellationService: FormSubmissionCancellationService,
  ) {
    super(dataSource.getRepository(Application));
  }

  /**
   * Submits a Student Application.
   * If the application is already in Draft state, then on submit the, existing
   * row will be updated with the payload and application status will be set to
   * Submitted and applicationStatusUpdatedOn will also be update and new workflow is started.
   * If a student submit/re-submit an existing application that is not in draft state
   * (i.e existing application should be in any one of these status, submitted, In Progress,
   * Assessment, Enrollment), then the existing application status is set to `Edited` and
   * applicationStatusUpdatedOn is updated and delete the corresponding workflow and creates a
   * new Application with same Application Number and Program Year as that of the Edited
   * Application and with newly submitted payload. And starts a new workflow for the newly created
   * Application. If the application is edited for the {@link APPLICATION_EDIT_COUNT_TO_SEND_NOTIFICATION} times,
   * a notification is saved for the ministry along with the edited application as a part of the same transaction.
   * If the PIR is not required, then offering is assigned to the assessment on submission
   * and the applicant student is assessed for SIN restriction.
   * @param applicationId application id that must be updated to submitted.
   * @param auditUserId user that should be considered the one that is
   * causing the changes.
   * @param studentId student id for authorization validations.
   * @param programYearId program year associated with the submission.
   * @param applicationData dynamic data received from Form.IO form.
   * @param associatedFiles associated uploaded files.
   * @returns the updated application.
   */
  async submitApplication(
    applicationId: number,
    auditUserId: number,
    studentId: number,
    applicationData: ApplicationData,
    associatedFiles: string[],
  ): Promise<ApplicationSubmissionResult> {
    const application = await this.getApplicationToSave(
      studentId,
      undefined,
      applicationId,
    );
    // If the application was not found it is because it does not belongs to the
    // student or it is not in draft, Submitted, In Progress, Assessment, Enrollment state.
    // Either way it will be invalid.
    if (!application) {
      throw new CustomNamedError(
        "Student Application not found or it is not in the correct status to be submitted.",
        APPLICATION_NOT_FOUND,
      );
    }

    const now = new Date();
    const auditUser = { id: auditUserId } as User;
    const originalAssessment = new StudentAssessment();
    originalAssessment.triggerType = AssessmentTriggerType.OriginalAssessment;
    originalAssessment.submittedBy = auditUser;
    originalAssessment.submittedDate = now;
    originalAssessment.creator = auditUser;
    const institutionLocation =
      await this.institutionLocationService.getInstitutionLocation(
        applicationData.selectedLocation,
      );
    if (!institutionLocation) {
      throw new CustomNamedError(
        "Not able to find the institution location.",
        INSTITUTION_LOCATION_NOT_VALID,
      );
    }
    // Validate possible institution restrictions.
    await this.institutionRestrictionCheck(
      institutionLocation.institution.id,
      institutionLocation.id,
      application.offeringIntensity,
    );
    // Validate beta institution location only if the offering intensity is full-time.
    if (application.offeringIntensity === OfferingIntensity.fullTime) {
      this.validateBetaInstitutionLocation(institutionLocation.isBeta);
    }
    // Offering is assigned to the original assessment if the application is not
    // required for PIR.
    if (applicationData.selectedProgram && applicationData.selectedOffering) {
      const offering = await this.offeringService.getProgramOffering(
        applicationData.selectedLocation,
        applicationData.selectedProgram,
        applicationData.selectedOffering,
      );
      if (!offering) {
        throw new CustomNamedError(
          "Not able to find the offering associated with the program and location.",
          OFFERING_NOT_VALID,
        );
      }
      originalAssessment.offering = offering;
    }

    if (application.applicationStatus === ApplicationStatus.Draft) {
      /**
       * Generate the application number with respect to the programYearPrefix.
       * This ensures that respective sequence is created in the sequence_controls table
       * for specific year 2021,2022 subsequently.
       */
      application.applicationNumber = await this.generateApplicationNumber(
        application.programYear.programYearPrefix,
      );
      application.data = applicationData;
      application.applicationStatus = ApplicationStatus.Submitted;
      application.relationshipStatus = applicationData.relationshipStatus;
      application.studentNumber = applicationData.studentNumber;
      application.applicationStatusUpdatedOn = now;
      application.studentFiles = await this.getSyncedApplicationFiles(
        studentId,
        application.studentFiles,
        associatedFiles,
      );
      application.modifier = auditUser;
      application.updatedAt = now;
      application.studentAssessments = [originalAssessment];
      application.currentAssessment = originalAssessment;
      application.submittedDate = now;
      application.location = institutionLocation;

      // When application and assessment are saved, assess for SIN restriction.
      await this.dataSource.transaction(async (transactionalEntityManager) => {
        await transactionalEntityManager
          .getRepository(Application)
          .save(application);

        // Check if the application requires E2 restriction check.
        await this.saveApplicationRestrictions(
          application.data,
          studentId,
          application.id,
          auditUserId,
          transactionalEntityManager,
        );

        // If the offering will be set in the assessment check for possible SIN restrictions.
        if (originalAssessment.offering) {
          await this.studentRestrictionService.assessSINRestrictionForOfferingId(
            studentId,
            originalAssessment.offering.id,
            application.id,
            auditUserId,
            transactionalEntityManager,
          );
        }
      });
      return { application, createdAssessment: originalAssessment };
    }

    // While editing an application, a new application record is created and a new
    // assessment record is also created to be the used as a "current Assessment" record.
    // The application and the assessment records have a DB relationship and the
    // assessment record also has a second relationship to the application that
    // keeps its history. Due to this double relationships the application record
    // and the assessment cannot be create at the same moment what causes a
    // "cyclic dependency error" on Typeorm. Saving the application record and later
    // having it associated with the assessment solves the issue.
    await this.dataSource.transaction(async (transactionalEntityManager) => {
      // Cancel any form submissions associated with the application that is being edited.
      await this.formSubmissionCancellationService.cancelApplicationScopedFormSubmissions(
        applicationId,
        FormSubmissionCancellationReason.ApplicationEdited,
        auditUserId,
        now,
        transactionalEntityManager,
      );
      // Before the cancellation of application form submissions, there is a remote possibility of a form submission being completed
      // which will create a re-assessment for the application. And if the re-assessment is created, then the current assessment
      // of the application will not be the same as the one at the start of this method.
      // So in order to ensure the current assessment of the application is the most recent one,
      // we must fetch the current assessment of the application after the cancellation of form submissions.
      const currentApplication = await this.getApplicationById(applicationId, {
        entityManager: transactionalEntityManager,
      });
      /**
       * If a student submit/re-submit and an existing application that is not in draft state,
       * (i.e existing application should be in any one of these status, submitted, In Progress,
       * Assessment, Enrollment) then the execution will come here, then the existing application
       * status is set to `Edited` and applicationStatusUpdatedOn is updated and delete the
       * corresponding workflow and creates a new Application with same Application Number and
       * Program Year as that of the Edited Application and with newly submitted payload.
       */

      // Updating existing Application status to edited
      // and updating the ApplicationStatusUpdatedOn.
      currentApplication.applicationStatus = ApplicationStatus.Edited;
      currentApplication.applicationStatusUpdatedOn = now;

      // Creating New Application with same Application Number and Program Year as
      // that of the Edited Application and with newly submitted payload with
      // application status submitted.
      const newApplication = new Application();
      // Current date is set as submitted date.
      newApplication.submittedDate = now;
      newApplication.applicationNumber = currentApplication.applicationNumber;
      newApplication.offeringIntensity = currentApplication.offeringIntensity;
      newApplication.relationshipStatus = applicationData.relationshipStatus;
      newApplication.studentNumber = applicationData.studentNumber;
      newApplication.programYear = currentApplication.programYear;
      newApplication.data = applicationData;
      newApplication.applicationStatus = ApplicationStatus.Submitted;
      newApplication.applicationEditStatus = ApplicationEditStatus.Edited;
      newApplication.applicationEditStatusUpdatedOn = now;
      newApplication.applicationEditStatusUpdatedBy = auditUser;
      newApplication.parentApplication = {
        id: currentApplication.parentApplication.id,
      } as Application;
      newApplication.precedingApplication = {
        id: currentApplication.id,
      } as Application;
      newApplication.applicationStatusUpdatedOn = now;
      newApplication.student = { id: studentId } as Student;
      newApplication.studentFiles = await this.getSyncedApplicationFiles(
        studentId,
        [],
        associatedFiles,
      );
      newApplication.location = institutionLocation;
      newApplication.creator = auditUser;
      const applicationRepository =
        transactionalEntityManager.getRepository(Application);
      await applicationRepository.save(newApplication);

      // Check if the application requires E2 restriction check.
      await this.saveApplicationRestrictions(
        newApplication.data,
        studentId,
        newApplication.id,
        auditUserId,
        transactionalEntityManager,
      );
      newApplication.studentAssessments = [originalAssessment];
      newApplication.currentAssessment = originalAssessment;

      // Updates the current assessment status to cancellation requested.
      currentApplication.currentAssessment.studentAssessmentStatus =
        StudentAssessmentStatus.CancellationRequested;
      currentApplication.currentAssessment.modifier = auditUser;
      currentApplication.currentAssessment.studentAssessmentStatusUpdatedOn =
        now;
      currentApplication.currentAssessment.updatedAt = now;
      await applicationRepository.save([currentApplication, newApplication]);
      await this.saveApplicationEditedTooManyTimesNotification(
        newApplication.applicationNumber,
        studentId,
        transactionalEntityManager,
      );
    });
    return { application, createdAssessment: originalAssessment };
  }

  /**
   * Checks if the application data contains E2 restriction and if the student
   * already has E2 or RB restriction. If the student does not have E2 or RB restriction,
   * add the E2 restriction.
   * @param applicationData application data.
   * @param studentId student ID.
   * @param applicationId application ID.
   * @param auditUserId audit user ID.
   * @param transactionalEntityManager transactional entity manager.
   */
  private async saveApplicationRestrictions(
    applicationData: ApplicationData,
    studentId: number,
    applicationId: number,
    auditUserId: number,
    transactionalEntityManager: EntityManager,
  ): Promise<void> {
    // Check if the application data contains E2 restriction.
    // Early return if E2 restriction is not present.
    if (!applicationData.restrictions?.includes(RestrictionCode.E2)) {
      return;
    }
    // Check if the student already has E2 or RB restriction.
    const hasE2orRBRestriction =
      await this.studentRestrictionService.hasAnyActiveRestriction(
        studentId,
        [RestrictionCode.E2, RestrictionCode.RB],
        transactionalEntityManager,
      );
    // If the student does not have E2 or RB restriction, add the E2 restriction.
    if (!hasE2orRBRestriction) {
      const restriction =
        await this.studentRestrictionSharedService.createRestrictionToSave(
          studentId,
          RestrictionCode.E2,
          auditUserId,
          applicationId,
          transactionalEntityManager,
        );
      await transactionalEntityManager.save(restriction);
    }
  }

  /**
   * Check for existing restrictions at the institution and/or location level.
   * Please note, specific program level restrictions are not checked at this level
   * because they are also not checked at the PIR completion time.
   * @param institutionId institution ID.
   * @param locationId location ID.
   * @param offeringIntensity offering intensity.
   */
  private async institutionRestrictionCheck(
    institutionId: number,
    locationId: number,
    offeringIntensity: OfferingIntensity,
  ): Promise<void> {
    const stopApplicationEligibilityAction =
      offeringIntensity === OfferingIntensity.fullTime
        ? RestrictionActionType.StopFullTimeApplicationEligibility
        : RestrictionActionType.StopPartTimeApplicationEligibility;
    const institutionRestriction =
      await this.restrictionSharedService.getEffectiveInstitutionRestrictions(
        institutionId,
        locationId,
        {
          actionTypes: [stopApplicationEligibilityAction],
          limitOne: true,
        },
      );
    if (institutionRestriction.length) {
      throw new CustomNamedError(
        "The application cannot be submitted at this time because the institution associated with your application is currently restricted.",
        ACTIVE_INSTITUTION_RESTRICTION,
      );
    }
  }

  /**
   * Starts a change request for an existing student application.
   * A new application will be created in edited status and will be assessed by the Ministry.
   * @param applicationId application ID to be changed.
   * @param studentId student ID.
   * @param applicationData application dynamic data to be saved.
   * @param associatedFiles files to be associated with the application.
   * @param auditUserId user that should be considered the one that is making the change request.
   * @returns application ID of the created application that represents the change request.
   */
  async submitApplicationChangeRequest(
    applicationId: number,
    studentId: number,
    applicationData: ApplicationData,
    associatedFiles: string[],
    auditUserId: number,
  ): Promise<ApplicationSubmissionResult> {
    const application = await this.getApplicationToSave(
      studentId,
      ApplicationStatus.Completed,
      applicationId,
    );
    // If the application was not found it is because it does not belong to the student or it is not completed.
    if (!application) {
      throw new CustomNamedError(
        "Student application not found or it is not in the correct status to be changed.",
        APPLICATION_NOT_FOUND,
      );
    }
    if (application.isArchived) {
      throw new CustomNamedError(
        "The application is archived and cannot be used to create a change request.",
        APPLICATION_NOT_VALID,
      );
    }
    if (!allowApplicationChangeRequest(application.programYear)) {
      throw new CustomNamedError(
        "The program year associated to this application does not allow a change request submission.",
        APPLICATION_NOT_VALID,
      );
    }
    // Check if there is already a change request in progress.
    const hasChangeInProgress = application.parentApplication.versions.some(
      (version) =>
        APPLICATION_EDIT_STATUS_IN_PROGRESS_VALUES.includes(
          version.applicationEditStatus,
        ),
    );
    if (hasChangeInProgress) {
      throw new CustomNamedError(
        "An application change request is already in progress.",
        APPLICATION_CHANGE_REQUEST_ALREADY_IN_PROGRESS,
      );
    }
    // Copy program data from the current application to the new change request application.
    // A change request does not allow any change to the program data, so it is copied from the current application.
    this.copyProgramData(application.data, applicationData);
    // Create the new assessment.
    const now = new Date();
    const auditUser = { id: auditUserId } as User;
    const originalAssessment = new StudentAssessment();
    originalAssessment.triggerType = AssessmentTriggerType.OriginalAssessment;
    originalAssessment.studentAssessmentStatus =
      StudentAssessmentStatus.Submitted;
    originalAssessment.studentAssessmentStatusUpdatedOn = now;
    originalAssessment.submittedBy = auditUser;
    originalAssessment.submittedDate = now;
    originalAssessment.creator = auditUser;
    originalAssessment.createdAt = now;
    originalAssessment.offering = {
      id: application.currentAssessment.offering.id,
    } as EducationProgramOffering;
    if (application.currentAssessment.studentAppeal) {
      originalAssessment.studentAppeal = {
        id: application.currentAssessment.studentAppeal.id,
      } as StudentAppeal;
    }
    // Creating new Application with same application number.
    const newApplication = new Application();
    // Current date is set as submitted date.
    newApplication.submittedDate = now;
    newApplication.applicationNumber = application.applicationNumber;
    newApplication.relationshipStatus = applicationData.relationshipStatus;
    newApplication.studentNumber = applicationData.studentNumber;
    newApplication.programYear = application.programYear;
    newApplication.offeringIntensity = application.offeringIntensity;
    newApplication.data = applicationData;
    newApplication.location = {
      id: application.location.id,
    } as InstitutionLocation;
    newApplication.parentApplication = {
      id: application.parentApplication.id,
    } as Application;
    newApplication.precedingApplication = {
      id: application.id,
    } as Application;
    newApplication.student = { id: studentId } as Student;
    newApplication.studentFiles = await this.getSyncedApplicationFiles(
      studentId,
      [],
      associatedFiles,
    );
    // Application status related properties.
    newApplication.applicationStatus = ApplicationStatus.Edited;
    newApplication.applicationStatusUpdatedOn = now;
    // Application edit status related properties.
    newApplication.applicationEditStatus =
      ApplicationEditStatus.ChangeInProgress;
    newApplication.applicationEditStatusUpdatedOn = now;

    newApplication.applicationEditStatusUpdatedBy = auditUser;
    newApplication.creator = auditUser;
    // While editing an application, a new application record is created and a new
    // assessment record is also created to be the used as a "current Assessment" record.
    // The application and the assessment records have a DB relationship and the
    // assessment record also has a second relationship to the application that
    // keeps its history. Due to this double relationships the application record
    // and the assessment cannot be create at the same moment what causes a
    // "cyclic dependency error" on Typeorm. Saving the application record and later
    // having it associated with the assessment solves the issue.
    await this.dataSource.transaction(async (transactionalEntityManager) => {
      const applicationRepository =
        transactionalEntityManager.getRepository(Application);
      await applicationRepository.save(newApplication);

      newApplication.modifier = auditUser;
      newApplication.updatedAt = now;
      newApplication.studentAssessments = [originalAssessment];
      newApplication.currentAssessment = originalAssessment;
      // Check if the application requires E2 restriction check, save the updated
      // application, and notify the ministry, all in parallel.
      await Promise.all([
        this.saveApplicationRestrictions(
          newApplication.data,
          studentId,
          newApplication.id,
          auditUserId,
          transactionalEntityManager,
        ),
        applicationRepository.save(newApplication),
        this.saveMinistryChangeRequestSubmittedNotification(
          studentId,
          application.applicationNumber,
          transactionalEntityManager,
        ),
      ]);
    });
    return {
      application: newApplication,
      createdAssessment: originalAssessment,
    };
  }

  /**
   * Cancels an in-progress application change request and request the workflow cancellation.
   * @param applicationId application ID that represents the change request to be cancelled.
   * @param studentId student ID requesting the cancellation.
   * @param auditUserId audit user ID that will be used to update the application.
   * @returns the updated application.
   */
  async cancelApplicationChangeRequest(
    applicationId: number,
    studentId: number,
    auditUserId: number,
  ): Promise<Application> {
    return this.dataSource.transaction(async (transactionalEntityManager) => {
      const applicationRepo =
        transactionalEntityManager.getRepository(Application);
      // Prevents other changes in the application change request
      // while this transaction is being processed.
      await this.getApplicationLock(transactionalEntityManager, applicationId);
      const changeRequest = await applicationRepo.findOne({
        select: {
          id: true,
          applicationEditStatus: true,
          currentAssessment: { id: true },
        },
        relations: {
          currentAssessment: true,
        },
        where: {
          id: applicationId,
          student: { id: studentId },
          applicationEditStatus: In(APPLICATION_EDIT_STATUS_IN_PROGRESS_VALUES),
        },
      });
      if (!changeRequest) {
        throw new CustomNamedError(
          "Not able to find the in-progress change request.",
          APPLICATION_NOT_FOUND,
        );
      }
      const now = new Date();
      const auditUser = { id: auditUserId } as User;
      // Update in-progress change request.
      changeRequest.applicationEditStatus =
        ApplicationEditStatus.ChangeCancelled;
      changeRequest.applicationEditStatusUpdatedOn = now;
      changeRequest.applicationEditStatusUpdatedBy = auditUser;
      changeRequest.modifier = auditUser;
      changeRequest.updatedAt = now;
      // Update the assessment to be cancelled.
      changeRequest.currentAssessment.studentAssessmentStatus =
        StudentAssessmentStatus.CancellationRequested;
      changeRequest.currentAssessment.studentAssessmentStatusUpdatedOn = now;
      changeRequest.currentAssessment.modifier = auditUser;
      changeRequest.currentAssessment.updatedAt = now;
      return applicationRepo.save(changeRequest);
    });
  }

  /**
   * Sends a ministry notification when a student submits a change request (edit post-COE).
   * Loads the required student and application number within the provided
   * transaction to ensure data consistency.
   * @param studentId ID of the student who submitted the change request.
   * @param applicationNumber application number of the application being changed.
   * @param entityManager entity manager for the current transaction.
   */
  private async saveMinistryChangeRequestSubmittedNotification(
    studentId: number,
    applicationNumber: string,
    entityManager: EntityManager,
  ): Promise<void> {
    const student = await entityManager.getRepository(Student).findOneOrFail({
      select: {
        id: true,
        birthDate: true,
        user: { id: true, firstName: true, lastName: true, email: true },
      },
      relations: { user: true },
      where: { id: studentId },
    });
    const ministryNotification: StudentSubmittedChangeRequestNotification = {
      givenNames: student.user.firstName,
      lastName: student.user.lastName,
      email: student.user.email,
      birthDate: student.birthDate,
      applicationNumber,
    };
    await this.notificationActionsService.saveMinistryChangeRequestSubmittedNotification(
      ministryNotification,
      entityManager,
    );
  }

  /**
   * Saves a notification when the application is edited too many times
   * governed by {@link APPLICATION_EDIT_COUNT_TO_SEND_NOTIFICATION}.
   * @param applicationNumber application number of the related application.
   * @param studentId related student id.
   * @param transactionalEntityManager entity manager to be a part of the transaction.
   */
  private async saveApplicationEditedTooManyTimesNotification(
    applicationNumber: string,
    studentId: number,
    transactionalEntityManager: EntityManager,
  ): Promise<void> {
    const applicationRepository =
      transactionalEntityManager.getRepository(Application);
    const applicationsCount = await applicationRepository.count({
      where: { applicationNumber },
    });
    if (applicationsCount > APPLICATION_EDIT_COUNT_TO_SEND_NOTIFICATION) {
      const notificationExists =
        await this.notificationService.checkNotificationExists(
          NotificationMessageType.ApplicationEditedTooManyTimesNotification,
          { applicationNumber },
          transactionalEntityManager,
        );
      if (!notificationExists) {
        const student = await this.studentService.getStudentById(studentId);
        const ministryNotification: ApplicationEditedTooManyTimesNotification =
          {
            givenNames: student.user.firstName,
            lastName: student.user.lastName,
            email: student.user.email,
            birthDate: student.birthDate,
            applicationNumber,
          };
        await this.notificationActionsService.saveApplicationEditedTooManyTimesNotification(
          ministryNotification,
          applicationNumber,
          transactionalEntityManager,
        );
      }
    }
  }

  /**
   * Generates the unique application number that the application
   * receives once the application is submitted.
   * @param sequenceName name of the sequence that controls the
   * number increment.
   * @returns new unique application number.
   */
  private async generateApplicationNumber(
    sequenceName: string,
  ): Promise<string> {
    const MAX_APPLICATION_NUMBER_LENGTH = 10;
    const sequenceNumberSize =
      MAX_APPLICATION_NUMBER_LENGTH - sequenceName.length;

    let nextApplicationSequence = Number.NaN;
    await this.sequenceService.consumeNextSequence(
      sequenceName,
      async (nextSequenceNumber: number) => {
        nextApplicationSequence = nextSequenceNumber;
      },
    );

    return (
      sequenceName +
      `${nextApplicationSequence}`.padStart(sequenceNumberSize, "0")
    );
  }

  /**
   * Saves an Student Application in draft state.
   * If the application id is provided an update is performed,
   * otherwise the draft will be created. The validations are also
   * applied accordingly to update/create scenarios.
   * @param studentId student id.
   * @param auditUserId user who is making the changes.
   * @param programYearId program year associated with the application draft.
   * @param applicationData dynamic data received from Form.IO form.
   * @param associatedFiles associated uploaded files.
   * @param options provided options
   * - `offeringIntensity` offering intensity associated with the application.
   * - `applicationId` application id used to execute validations.
   * @returns Student Application saved draft.
   */
  async saveDraftApplication(
    studentId: number,
    auditUserId: number,
    programYearId: number,
    applicationData: ApplicationData,
    associatedFiles: string[],
    options: {
      offeringIntensity?: OfferingIntensity;
      applicationId?: number;
    },
  ): Promise<Application> {
    let draftApplication = await this.getApplicationToSave(
      studentId,
      ApplicationStatus.Draft,
    );
    // If an application id is provided it means that an update is supposed to happen,
    // so an application draft is expected to be find. If not found, thrown an error.
    if (options.applicationId && !draftApplication) {
      throw new CustomNamedError(
        "Not able to find the draft application associated with the student.",
        APPLICATION_DRAFT_NOT_FOUND,
      );
    }
    // If an application id is not provided, an insert is supposed to happen
    // but, if an draft application already exists, it means that it is an
    // attempt to create a second draft and the student is supposed to
    // have only one draft.
    if (!options.applicationId && draftApplication) {
      throw new CustomNamedError(
        "There is already an existing draft application associated with the current student.",
        MORE_THAN_ONE_APPLICATION_DRAFT_ERROR,
      );
    }
    // If an application id is provided, an update is supposed to happen
    // but, if an draft application already exists under a different program year
    // the operation should not be allowed.
    if (draftApplication && draftApplication.programYear.id !== programYearId) {
      throw new Error(
        "The application is already saved under a different program year.",
      );
    }
    const auditUser = { id: auditUserId } as User;
    const now = new Date();
    // If there is no draft application, create one
    // and initialize the necessary data.
    const isNewDraftApplication = !draftApplication;
    if (isNewDraftApplication) {
      draftApplication = new Application();
      draftApplication.student = { id: studentId } as Student;
      draftApplication.programYear = { id: programYearId } as ProgramYear;
      draftApplication.offeringIntensity = options.offeringIntensity;
      draftApplication.applicationStatus = ApplicationStatus.Draft;
      draftApplication.applicationStatusUpdatedOn = now;
      draftApplication.creator = auditUser;
      draftApplication.createdAt = now;
      draftApplication.applicationEditStatus = ApplicationEditStatus.Original;
      draftApplication.applicationEditStatusUpdatedOn = now;
      draftApplication.applicationEditStatusUpdatedBy = auditUser;
    } else {
      draftApplication.modifier = auditUser;
    }

    // Below data must be always updated.
    draftApplication.data = applicationData;
    draftApplication.studentFiles = await this.getSyncedApplicationFiles(
      studentId,
      draftApplication.studentFiles,
      associatedFiles,
    );

    const savedDraftApplication = await this.repo.save(draftApplication);
    // Update application version properties for new draft application.
    if (isNewDraftApplication) {
      await this.repo.update(
        { id: savedDraftApplication.id },
        {
          precedingApplication: { id: savedDraftApplication.id },
          parentApplication: { id: savedDraftApplication.id },
        },
      );
    }
    return savedDraftApplication;
  }

  /**
   * Look for files that are already stored for student and
   * application to define the associations that need to be
   * created or just kept.
   * @param studentId student id to check for the files associations.
   * @param applicationFiles current files associations.
   * @param [filesToAssociate] files associations that represents the
   * final state that the associations must have.
   * @returns an array with the files associations that should be
   * persisted in the Student Application.
   */
  private async getSyncedApplicationFiles(
    studentId: number,
    applicationFiles: ApplicationStudentFile[],
    filesToAssociate?: string[],
  ): Promise<ApplicationStudentFile[]> {
    // Check for the existing student files if
    // some association was provided.
    let studentStoredFiles: StudentFile[] = [];
    if (filesToAssociate?.length) {
      studentStoredFiles = await this.fileService.getStudentFiles(
        studentId,
        filesToAssociate,
      );
    }

    // Associate uploaded files with the application.
    return studentStoredFiles.map((studentStoredFile: StudentFile) => {
      // Use the unique file name to check if the file is already
      // associated with the current application.
      const existingAssociation = applicationFiles.find(
        (applicationFile: ApplicationStudentFile) =>
          applicationFile.studentFile.uniqueFileName ===
          studentStoredFile.uniqueFileName,
      );

      if (existingAssociation) {
        // Keep the existing association.
        return existingAssociation;
      }
      // Create a new association.
      const fileAssociation = new ApplicationStudentFile();
      fileAssociation.studentFile = {
        id: studentStoredFile.id,
        fileOrigin: FileOriginType.Application,
      } as StudentFile;
      return fileAssociation;
    });
  }

  /**
   * Gets the Program Information Requests (PIR) associated with the
   * application and the original assessment that contains the offering
   * to be completed or that was completed during the PIR process.
   * @param locationId location id.
   * @param applicationId application id.
   * @returns student application with Program Information Request.
   */
  async getProgramInfoRequest(
    locationId: number,
    applicationId: number,
  ): Promise<Application> {
    return this.repo
      .createQueryBuilder("application")
      .select([
        "application.id",
        "application.applicationNumber",
        "application.pirStatus",
        "pirApprovalReference.pirAssessedDate",
        "application.data",
        "application.pirDeniedOtherDesc",
        "application.offeringIntensity",
        "application.submittedDate",
        "location.name",
        "student.id",
        "student.birthDate",
        "user.id",
        "user.firstName",
        "user.lastName",
        "pirProgram.id",
        "pirProgram.name",
        "pirProgram.description",
        "pirProgram.isActive",
        "pirProgram.effectiveEndDate",
        "educationProgram.id",
        "offering.id",
        "offering.name",
        "offering.studyStartDate",
        "offering.studyEndDate",
        "offering.actualTuitionCosts",
        "offering.programRelatedCosts",
        "offering.mandatoryFees",
        "offering.exceptionalExpenses",
        "offering.offeringDelivered",
        "offering.lacksStudyBreaks",
        "offering.offeringType",
        "offering.offeringIntensity",
        "PIRDeniedReason.reason",
        "PIRDeniedReason.id",
        "programYear.id",
        "programYear.active",
        "programYear.startDate",
        "programYear.endDate",
        "studentAssessments.id",
        "studentAssessments.triggerType",
      ])
      .innerJoin("application.programYear", "programYear")
      .leftJoin("application.pirProgram", "pirProgram")
      .innerJoin("application.student", "student")
      .innerJoin("application.location", "location")
      .innerJoin("application.studentAssessments", "studentAssessments")
      .leftJoin("studentAssessments.offering", "offering")
      .leftJoin("offering.educationProgram", "educationProgram")
      .innerJoin("student.user", "user")
      .leftJoin("application.pirDeniedReasonId", "PIRDeniedReason")
      .leftJoin("application.pirApprovalReference", "pirApprovalReference")
      .where("application.id = :applicationId", {
        applicationId,
      })
      .andWhere("location.id = :locationId", { locationId })
      .andWhere("studentAssessments.triggerType = :triggerType", {
        triggerType: AssessmentTriggerType.OriginalAssessment,
      })
      .andWhere("application.pirStatus != :pirStatus", {
        pirStatus: ProgramInfoStatus.notRequired,
      })
      .andWhere(
        "application.applicationStatus NOT IN (:...applicationStatuses)",
        {
          applicationStatuses: PIR_EXCLUDED_APPLICATION_STATUSES,
        },
      )
      .getOne();
  }

  /**
   * Gets a student application by applicationId.
   * Student id/ institution id can be provided for authorization purposes.
   * @param applicationId application id.
   * @param options object that should contain:
   * - `loadDynamicData` indicates if the dynamic data(JSONB) should be loaded. When true,
   * also loads the additional offering details (name, year of study, and education program)
   * from the original assessment needed to display the PIR outcome summary.
   * - `studentId` student id.
   * - `entityManager` entity manager to be used for the query. Useful when
   * it needs to be executed in a transaction.
   * @returns student application.
   */
  async getApplicationById(
    applicationId: number,
    options?: {
      loadDynamicData?: boolean;
      studentId?: number;
      entityManager?: EntityManager;
    },
  ): Promise<Application> {
    const applicationRepo =
      options?.entityManager?.getRepository(Application) ?? this.repo;
    return applicationRepo.findOne({
      select: {
        id: true,
        isArchived: true,
        data: !!options?.loadDynamicData as unknown,
        applicationStatus: true,
        applicationEditStatus: true,
        offeringIntensity: true,
        pirStatus: true,
        applicationStatusUpdatedOn: true,
        applicationNumber: true,
        pirDeniedOtherDesc: true,
        submittedDate: true,
        parentApplication: { id: true },
        precedingApplication: {
          id: true,
          currentAssessment: {
            id: true,
            offering: { id: true },
            studentAppeal: { id: true },
            formSubmission: { id: true },
          },
        },
        applicationException: {
          id: true,
          exceptionStatus: true,
        },
        currentAssessment: {
          id: true,
          assessmentWorkflowId: true,
          noaApprovalStatus: true,
          offering: {
            id: true,
            offeringIntensity: true,
            studyStartDate: true,
            studyEndDate: true,
            offeringStatus: true,
          },
        },
        location: {
          id: true,
          name: true,
          institution: {
            id: true,
            legalOperatingName: true,
          },
        },
        pirDeniedReasonId: {
          id: true,
          reason: true,
        },
        programYear: {
          id: true,
          startDate: true,
          endDate: true,
          programYear: true,
        },
        student: {
          id: true,
          user: {
            id: true,
            firstName: true,
            lastName: true,
            email: true,
          },
        },
        ...(options?.loadDynamicData
          ? {
              studentAssessments: {
                id: true,
                triggerType: true,
                offering: {
                  id: true,
                  name: true,
                  yearOfStudy: true,
                  studyStartDate: true,
                  studyEndDate: true,
                  educationProgram: {
                    id: true,
                    name: true,
                  },
                },
              },
            }
          : {}),
      },
      relations: {
        applicationException: true,
        currentAssessment: { offering: true },
        location: { institution: true },
        pirDeniedReasonId: true,
        programYear: true,
        student: { user: true },
        precedingApplication: {
          currentAssessment: { offering: true, studentAppeal: true },
        },
        parentApplication: true,
        ...(options?.loadDynamicData
          ? { studentAssessments: { offering: { educationProgram: true } } }
          : {}),
      },
      where: {
        id: applicationId,
        student: {
          id: options?.studentId,
        },
      },
    });
  }

  /**
   * Get all student applications.
   * @param studentId student id.
   * @param pagination options to execute the pagination.
   * @param institutionId id of the institution that the student applied to.
   * @returns student Application list.
   */
  async getAllStudentApplications(
    studentId: number,
    pagination: PaginationOptions,
    institutionId?: number,
  ): Promise<[Application[], number]> {
    const applicationQuery = this.repo
      .createQueryBuilder("application")
      .select([
        "application.applicationNumber",
        "application.isArchived",
        "application.id",
        "application.offeringIntensity",
        "application.submittedDate",
        "parentApplication.id",
        "parentApplication.submittedDate",
        "currentAssessment.id",
        "offering.studyStartDate",
        "offering.studyEndDate",
        "application.applicationStatus",
        "programYear.programYear",
      ])
      .innerJoin("application.parentApplication", "parentApplication")
      .innerJoin("application.programYear", "programYear")
      .leftJoin("application.currentAssessment", "currentAssessment")
      .leftJoin("currentAssessment.offering", "offering")
      .where("application.student.id = :studentId", { studentId })
      .andWhere("application.applicationStatus != :editedStatus", {
        editedStatus: ApplicationStatus.Edited,
      });

    // If institution id is present, get only the applications linked with the institution at any point in time.
    if (institutionId) {
      const versionExistsQuery = this.repo
        .createQueryBuilder("version")
        .select("1")
        .innerJoin("version.location", "vLocation")
        .where("version.parentApplication.id = parentApplication.id")
        .andWhere("vLocation.institution.id = :institutionId")
        .getQuery();
      // Use EXISTS to avoid duplicate rows when a parent application has multiple versions
      applicationQuery.andWhere(`EXISTS(${versionExistsQuery})`, {
        institutionId,
      });
    }

    // sorting
    if (
      pagination.sortField &&
      pagination.sortField !== "status" &&
      sortApplicationsColumnMap(pagination.sortField)
    ) {
      applicationQuery.orderBy(
        sortApplicationsColumnMap(pagination.sortField),
        pagination.sortOrder,
      );
    } else {
      applicationQuery.orderBy(
        // TODO:Further investigation needed as the CASE translation does not work in orderby queries.
        `CASE application.application_status
              WHEN '${ApplicationStatus.Draft}' THEN 1
              WHEN '${ApplicationStatus.Submitted}' THEN 2
              WHEN '${ApplicationStatus.InProgress}' THEN 3
              WHEN '${ApplicationStatus.Assessment}' THEN 4
              WHEN '${ApplicationStatus.Enrolment}' THEN 5
              WHEN '${ApplicationStatus.Completed}' THEN 6
              WHEN '${ApplicationStatus.Cancelled}' THEN 7
              ELSE 8
            END`,
        pagination.sortOrder,
      );
      // Keep the default status sort while making the newest original submissions appear first
      // when records are tied by status.
      applicationQuery.addOrderBy("parentApplication.submittedDate", "DESC");
    }

    // pagination
    applicationQuery
      .limit(pagination.pageLimit)
      .offset(pagination.page * pagination.pageLimit);

    // result
    return applicationQuery.getManyAndCount();
  }

  /**
   * Gets a application with the data needed to process
   * the operations related to save/submitting an
   * Student Application.
   * @param studentId student id.
   * @param status status is an optional parameter. if status
   * is passed, then application will be return with passed
   * status, if nothing is passed, then application with status
   * other than completed, edited, cancelled will be passed.
   * @param [applicationId] application id, when possible.
   * @returns application with the data needed to process
   * the operations related to save/submitting.
   */
  private async getApplicationToSave(
    studentId: number,
    status?: ApplicationStatus,
    applicationId?: number,
  ): Promise<Application> {
    const query = this.repo
      .createQueryBuilder("application")
      .select([
        "application",
        "parentApplication.id",
        "precedingApplication.id",
        "programYear.id",
        "programYear.programYear",
        "programYear.programYearPrefix",
        "studentFiles",
        "studentFile.uniqueFileName",
        "currentAssessment.id",
        "currentAssessment.assessmentWorkflowId",
        "location.id",
        "pirProgram.id",
        "offering.id",
        "studentAppeal.id",
        "versions.id",
        "versions.applicationEditStatus",
      ])
      .innerJoin("application.programYear", "programYear")
      .leftJoin("application.location", "location")
      .leftJoin("application.pirProgram", "pirProgram")
      .leftJoin("application.parentApplication", "parentApplication")
      .leftJoin(
        "parentApplication.versions",
        "versions",
        "versions.applicationEditStatus IN (:...inProgressEditedStatuses)",
        {
          // Other statuses are not needed right now but the list can be extended
          // to other statuses if needed.
          inProgressEditedStatuses: APPLICATION_EDIT_STATUS_IN_PROGRESS_VALUES,
        },
      )
      .leftJoin("application.precedingApplication", "precedingApplication")
      .leftJoin("application.currentAssessment", "currentAssessment")
      .leftJoin("currentAssessment.offering", "offering")
      .leftJoin("currentAssessment.studentAppeal", "studentAppeal")
      .leftJoin("application.studentFiles", "studentFiles")
      .leftJoin("studentFiles.studentFile", "studentFile")
      .where("application.student.id = :studentId", { studentId })
      .andWhere("programYear.active = true");
    if (status) {
      query.andWhere("application.applicationStatus = :status", {
        status,
      });
    } else {
      query.andWhere("application.applicationStatus NOT IN (:...status)", {
        status: [
          ApplicationStatus.Completed,
          ApplicationStatus.Edited,
          ApplicationStatus.Cancelled,
        ],
      });
    }
    if (applicationId) {
      query.andWhere("application.id = :applicationId", {
        applicationId,
      });
    }
    return query.getOne();
  }

  /**
   * Set the offering for Program Info Request (PIR).
   * Updates only applications that have the PIR status as required.
   * @param applicationId application id to be updated.
   * @param locationId location that is setting the offering.
   * @param offeringId offering to be set in the assessment.
   * @param auditUserId user that should be considered the one that is
   * causing the changes.
   * @returns updated application.
   */
  async setOfferingForProgramInfoRequest(
    applicationId: number,
    locationId: number,
    offeringId: number,
    auditUserId: number,
  ): Promise<Application> {
    return this.dataSource.transaction(async (transactionalEntityManager) => {
      const applicationRepo =
        transactionalEntityManager.getRepository(Application);
      const application = await applicationRepo
        .createQueryBuilder("application")
        .select([
          "application.id",
          "currentAssessment.id",
          "student.id",
          "user.id",
          "user.firstName",
          "user.lastName",
          "user.email",
          "currentAssessment.assessmentWorkflowId",
        ])
        .innerJoin("application.currentAssessment", "currentAssessment")
        .innerJoin("application.student", "student")
        .innerJoin("student.user", "user")
        .where("application.id = :applicationId", { applicationId })
        .andWhere("application.location.id = :locationId", { locationId })
        .andWhere(
          "application.applicationStatus NOT IN (:...applicationStatuses)",
          {
            applicationStatuses: PIR_EXCLUDED_APPLICATION_STATUSES,
          },
        )
        .andWhere("application.pirStatus = :pirStatus", {
          pirStatus: ProgramInfoStatus.required,
        })
        .getOne();

      if (!application) {
        throw new CustomNamedError(
          "Not able to find an application that requires a PIR to be completed.",
          PIR_REQUEST_NOT_FOUND_ERROR,
        );
      }
      const auditUser = { id: auditUserId } as User;
      const now = new Date();
      application.currentAssessment.offering = {
        id: offeringId,
      } as EducationProgramOffering;
      application.currentAssessment.modifier = auditUser;
      application.currentAssessment.updatedAt = now;
      application.pirStatus = ProgramInfoStatus.completed;
      application.pirAssessedBy = auditUser;
      application.pirAssessedDate = now;
      application.modifier = auditUser;
      application.updatedAt = now;
      await this.studentRestrictionService.assessSINRestrictionForOfferingId(
        application.student.id,
        offeringId,
        applicationId,
        auditUserId,
        transactionalEntityManager,
      );

      const updatedApplication = await applicationRepo.save(application);

      // Create student notification when institution completes PIR.
      await this.notificationActionsService.saveInstitutionCompletePIRNotification(
        {
          givenNames: application.student.user.firstName,
          lastName: application.student.user.lastName,
          toAddress: application.student.user.email,
          userId: application.student.user.id,
        },
        auditUserId,
        transactionalEntityManager,
      );

      return updatedApplication;
    });
  }

  /**
   * Get all active applications of an institution location
   * with application status completed and respective archive status.
   * @param locationId location id .
   * @param paginationOptions options to execute the pagination.
   * @param archived archive status of applications requested by user.
   * @returns Student Active Application list.
   */
  async getActiveApplications(
    locationId: number,
    paginationOptions: PaginationOptions,
    archived: boolean,
  ): Promise<PaginatedResults<Application>> {
    // TODO: there are two similar methods to get one and many records for the same list/details getActiveApplication and getActiveApplications. Can we use only one?
    const activeApplicationQuery = this.repo
      .createQueryBuilder("application")
      .select([
        "application.applicationNumber",
        "application.id",
        "currentAssessment.id",
        "offering.studyStartDate",
        "offering.studyEndDate",
        "student.id",
        "user.firstName",
        "user.lastName",
        "application.isArchived",
        "studentScholasticStanding.id",
      ])
      .leftJoin("application.currentAssessment", "currentAssessment")
      .leftJoin("currentAssessment.offering", "offering")
      .leftJoin(
        "currentAssessment.studentScholasticStanding",
        "studentScholasticStanding",
      )
      .innerJoin("application.student", "student")
      .innerJoin("student.user", "user")
      .where("application.location.id = :locationId", { locationId })
      .andWhere("application.applicationStatus = :applicationStatus", {
        applicationStatus: ApplicationStatus.Completed,
      })
      .andWhere("application.isArchived = :isArchived", {
        isArchived: archived,
      });

    if (paginationOptions.searchCriteria) {
      activeApplicationQuery
        .andWhere(
          new Brackets((qb) => {
            qb.where(getUserFullNameLikeSearch()).orWhere(
              "application.applicationNumber Ilike :searchCriteria",
            );
          }),
        )
        .setParameter(
          "searchCriteria",
          `%${paginationOptions.searchCriteria.trim()}%`,
        );
    }

    activeApplicationQuery
      .orderBy(
        transformToApplicationEntitySortField(
          paginationOptions.sortField,
          paginationOptions.sortOrder,
        ),
      )
      .offset(paginationOptions.page * paginationOptions.pageLimit)
      .limit(paginationOptions.pageLimit);

    const [result, count] = await activeApplicationQuery.getManyAndCount();
    return {
      results: result,
      count: count,
    };
  }

  /**
   * Returns application status with respect to archive status and scholastic standing change.
   * @param isArchived archive status.
   * @param studentScholasticStandingId scholastic standing id.
   * @returns application scholastic standing status.
   */
  getApplicationScholasticStandingStatus(
    isArchived: boolean,
    studentScholasticStandingId?: number,
  ): ApplicationScholasticStandingStatus {
    if (studentScholasticStandingId) {
      return ApplicationScholasticStandingStatus.Completed;
    }
    if (isArchived) {
      return ApplicationScholasticStandingStatus.Unavailable;
    }
    return ApplicationScholasticStandingStatus.Available;
  }

  /**
   * Get Program Info Request (PIR) Applications of an institution location.
   * @param paginationOptions pagination options.
   * @returns student Application list.
   */
  async getPIRApplications(
    locationId: number,
    paginationOptions: PIRPaginationOptions,
  ): Promise<PaginatedResults<Application>> {
    const { page, pageLimit, sortField, sortOrder, search, intensityFilter } =
      paginationOptions;
    const query = this.repo
      .createQueryBuilder("application")
      .select([
        "application.applicationNumber",
        "application.id",
        "application.pirStatus",
        "application.submittedDate",
        "application.studentNumber",
        "application.offeringIntensity",
        "application.data",
        "currentAssessment.id",
        "offering.studyStartDate",
        "offering.studyEndDate",
        "educationProgram.name",
        "student.id",
        "user.firstName",
        "user.lastName",
        "pirProgram.name",
      ])
      .innerJoin("application.currentAssessment", "currentAssessment")
      .leftJoin("currentAssessment.offering", "offering")
      .leftJoin("offering.educationProgram", "educationProgram")
      .leftJoin("application.pirProgram", "pirProgram")
      .innerJoin("application.student", "student")
      .innerJoin("student.user", "user")
      .where("application.location.id = :locationId", { locationId })
      .andWhere("application.pirStatus is not null")
      .andWhere("application.pirStatus != :nonPirStatus", {
        nonPirStatus: ProgramInfoStatus.notRequired,
      })
      .andWhere(
        "application.applicationStatus NOT IN (:...applicationStatuses)",
        {
          applicationStatuses: PIR_EXCLUDED_APPLICATION_STATUSES,
        },
      );

    if (search) {
      query.andWhere(
        new Brackets((qb) => {
          qb.where(getUserFullNameLikeSearch("user", "search")).orWhere(
            "application.applicationNumber ILIKE :search",
          );
        }),
      );
      query.setParameter("search", `%${search.trim()}%`);
    }

    if (intensityFilter) {
      query.andWhere("application.offeringIntensity = :intensityFilter", {
        intensityFilter,
      });
    }

    this.addPIRSort(query, sortField, sortOrder);
    query.offset(page * pageLimit).limit(pageLimit);
    const [results, count] = await query.getManyAndCount();
    return { results, count };
  }

  private addPIRSort(
    query: SelectQueryBuilder<Application>,
    sortField?: string,
    sortOrder?: FieldSortOrder,
  ): void {
    const pirStatusSort = `CASE application.pirStatus WHEN '${ProgramInfoStatus.required}' THEN 1 
        WHEN '${ProgramInfoStatus.completed}' THEN 2 
        WHEN '${ProgramInfoStatus.declined}' THEN 3 
        ELSE 4 END`;
    const sortFieldMapping = {
      submittedDate: "application.submittedDate",
      studyStartPeriod: "offering.studyStartDate",
      studyEndPeriod: "offering.studyEndDate",
    };
    if (!sortField) {
      // Default sort with PIR status pending first and then by submitted date.
      query.orderBy(
        `CASE application.pir_status
          WHEN '${ProgramInfoStatus.required}' THEN 1
          WHEN '${ProgramInfoStatus.submitted}' THEN 2
          WHEN '${ProgramInfoStatus.completed}' THEN 3
          WHEN '${ProgramInfoStatus.declined}' THEN 4
          ELSE 5
        END`,
      );
      query.addOrderBy("application.submittedDate", "ASC");
    } else if (sortField === "pirStatus") {
      // Sort by PIR status using custom order.
      query.orderBy(pirStatusSort, sortOrder);
    } else {
      query.orderBy(sortFieldMapping[sortField], sortOrder);
    }
  }

  /**
   * Update Student Application status to cancelled.
   * Only allows the update on applications that are not in a final status.
   * The final statuses of an application are Completed, Edited and Cancelled.
   * @param applicationId application id.
   * @param studentId student id for authorization purposes.
   * @param auditUserId user who is making the changes.
   */
  async cancelStudentApplication(
    applicationId: number,
    studentId: number,
    auditUserId: number,
  ): Promise<void> {
    const isApplicationInEligibleStatusExists = await this.repo.exists({
      where: {
        id: applicationId,
        student: { id: studentId },
        applicationStatus: Not(
          In([
            ApplicationStatus.Completed,
            ApplicationStatus.Edited,
            ApplicationStatus.Cancelled,
          ]),
        ),
      },
    });
    if (!isApplicationInEligibleStatusExists) {
      throw new CustomNamedError(
        "Application not found or it is not in the correct state to be cancelled.",
        APPLICATION_NOT_FOUND,
      );
    }
    await this.dataSource.transaction(async (entityManager) => {
      const now = new Date();
      // Cancel all the form submissions associated with the application.
      await this.formSubmissionCancellationService.cancelApplicationScopedFormSubmissions(
        applicationId,
        FormSubmissionCancellationReason.ApplicationCancelled,
        auditUserId,
        now,
        entityManager,
      );
      const applicationRepo = entityManager.getRepository(Application);
      const application = await applicationRepo.findOne({
        select: {
          id: true,
          currentAssessment: {
            id: true,
            assessmentWorkflowId: true,
          },
        },
        relations: {
          currentAssessment: true,
        },
        where: {
          id: applicationId,
        },
      });

      // Updates the application status to cancelled.
      const auditUser = { id: auditUserId } as User;
      application.applicationStatus = ApplicationStatus.Cancelled;
      application.applicationStatusUpdatedOn = now;
      application.modifier = auditUser;
      application.updatedAt = now;

      // Updates the current assessment status to cancellation requested if there is one. Applications with draft status do not have a current assessment.
      if (application.currentAssessment) {
        application.currentAssessment.studentAssessmentStatus =
          StudentAssessmentStatus.CancellationRequested;
        application.currentAssessment.modifier = auditUser;
        application.currentAssessment.studentAssessmentStatusUpdatedOn = now;
        application.currentAssessment.updatedAt = now;
      }
      await applicationRepo.save(application);
    });
  }

  /**
   * Gets program year details for a student application
   * @param studentId student id.
   * @param applicationId application id.
   * @returns program year details for a student application.
   */
  async getProgramYearOfApplication(
    studentId: number,
    applicationId: number,
    includeInActivePY?: boolean,
  ): Promise<Application> {
    const query = this.repo
      .createQueryBuilder("application")
      .innerJoinAndSelect("application.programYear", "programYear")
      .where("application.student.id = :studentId", { studentId })
      .andWhere("application.id = :applicationId", {
        applicationId,
      });
    if (!includeInActivePY) {
      query.andWhere("programYear.active = true");
    }
    return query.getOne();
  }

  /**
   * Deny the Program Info Request (PIR) for an Application.
   * Updates only applications that have the PIR status as required.
   * @param applicationId application id to be updated.
   * @param locationId location that is setting the offering.
   * @param pirDeniedReasonId Denied reason id for a student application.
   * @param auditUserId user who is making the changes.
   * @param otherReasonDesc when other is selected as a PIR denied reason, text for the reason
   * is populated.
   * @returns updated application.
   */
  async setDeniedReasonForProgramInfoRequest(
    applicationId: number,
    locationId: number,
    pirDeniedReasonId: number,
    auditUserId: number,
    otherReasonDesc?: string,
  ): Promise<Application> {
    return this.dataSource.transaction(async (transactionalEntityManager) => {
      const application = await transactionalEntityManager
        .getRepository(Application)
        .createQueryBuilder("application")
        .select([
          "application.id",
          "currentAssessment.id",
          "currentAssessment.assessmentWorkflowId",
          "student.id",
          "user.id",
          "user.firstName",
          "user.lastName",
          "user.email",
        ])
        .innerJoin("application.currentAssessment", "currentAssessment")
        .innerJoin("application.student", "student")
        .innerJoin("student.user", "user")
        .where("application.id = :applicationId", { applicationId })
        .andWhere("application.location.id = :locationId", { locationId })
        .andWhere(
          "application.applicationStatus NOT IN (:...applicationStatuses)",
          {
            applicationStatuses: PIR_EXCLUDED_APPLICATION_STATUSES,
          },
        )
        .andWhere("application.pirStatus = :pirStatus", {
          pirStatus: ProgramInfoStatus.required,
        })
        .getOne();

      if (!application) {
        throw new CustomNamedError(
          "Not able to find an application that requires a PIR to be completed.",
          PIR_REQUEST_NOT_FOUND_ERROR,
        );
      }

      application.pirDeniedReasonId = {
        id: pirDeniedReasonId,
      } as PIRDeniedReason;
      if (
        PIR_DENIED_REASON_OTHER_ID === pirDeniedReasonId &&
        !otherReasonDesc
      ) {
        throw new CustomNamedError(
          "Other is selected as PIR reason, specify the reason for the PIR denial.",
          PIR_DENIED_REASON_NOT_FOUND_ERROR,
        );
      }
      const auditUser = { id: auditUserId } as User;
      const now = new Date();
      application.pirDeniedOtherDesc = otherReasonDesc;
      application.pirStatus = ProgramInfoStatus.declined;
      application.pirAssessedBy = auditUser;
      application.pirAssessedDate = now;
      application.modifier = auditUser;
      application.updatedAt = now;
      await transactionalEntityManager
        .getRepository(Application)
        .save(application);

      // Create student notification when institution completes PIR.
      await this.notificationActionsService.saveInstitutionCompletePIRNotification(
        {
          givenNames: application.student.user.firstName,
          lastName: application.student.user.lastName,
          toAddress: application.student.user.email,
          userId: application.student.user.id,
        },
        auditUserId,
        transactionalEntityManager,
      );
      return application;
    });
  }

  /**
   * Gets active application - Active application are applications
   * with coe status completed and application status completed.
   * @param applicationId application id.
   * @param locationId location id.
   * @returns active application details.
   */
  async getActiveApplication(
    applicationId: number,
    locationId: number,
  ): Promise<Application> {
    // TODO: there are two similar methods to get one and many records for the same list/details getActiveApplication and getActiveApplications. Can we use only one?
    return this.repo
      .createQueryBuilder("application")
      .select([
        "application.id",
        "application.applicationStatus",
        "application.applicationNumber",
        "application.isArchived",
        "currentAssessment.id",
        "offering.id",
        "offering.offeringIntensity",
        "offering.studyStartDate",
        "offering.studyEndDate",
        "educationProgram.name",
        "educationProgram.description",
        "location.name",
        "offering.name",
        "student",
        "user.id",
        "user.firstName",
        "user.lastName",
        "user.email",
        "studentAppeal.id",
        "formSubmission.id",
        "educationProgram.credentialType",
        "educationProgram.deliveredOnline",
        "educationProgram.deliveredOnSite",
        "offering.offeringDelivered",
        "offering.studyBreaks",
        "offering.actualTuitionCosts",
        "offering.programRelatedCosts",
        "offering.mandatoryFees",
        "offering.exceptionalExpenses",
      ])
      .innerJoin("application.currentAssessment", "currentAssessment")
      .innerJoin("currentAssessment.offering", "offering")
      .leftJoin("currentAssessment.studentAppeal", "studentAppeal")
      .leftJoin("currentAssessment.formSubmission", "formSubmission")
      .innerJoin("offering.educationProgram", "educationProgram")
      .innerJoin("offering.institutionLocation", "location")
      .innerJoin("application.student", "student")
      .innerJoin("student.user", "user")
      .where("application.id = :applicationId", { applicationId })
      .andWhere("location.id = :locationId", { locationId })
      .andWhere("application.applicationStatus = :applicationStatus", {
        applicationStatus: ApplicationStatus.Completed,
      })
      .getOne();
  }

  /**
   * Validates to make sure that a student cannot create more than one application with overlapping study period dates.
   * When an application is pending for PIR approval then study period dates are subjective. In this case another application
   * is not allowed to be created because on PIR approval the study period dates may overlap with an existing application.
   * @param userId user to be verified.
   * @param studyStartDate offering start date.
   * @param studyEndDate offering start date.
   * @param currentApplicationId current application that should be skipped during this verification.
   * @returns Overlapping or PIR pending Application.
   */
  async validatePIRAndDateOverlap(
    userId: number,
    studyStartDate: string,
    studyEndDate: string,
    currentApplicationId: number,
  ): Promise<Application> {
    return this.repo
      .createQueryBuilder("application")
      .select(["application.id"])
      .innerJoin("application.currentAssessment", "currentAssessment")
      .innerJoin("currentAssessment.offering", "offering")
      .innerJoin("application.student", "student")
      .innerJoin("student.user", "user")
      .where("user.id = :userId", { userId })
      .andWhere("application.id != :currentApplicationId", {
        currentApplicationId,
      })
      .andWhere("application.applicationStatus NOT IN (:...status)", {
        status: [
          ApplicationStatus.Draft,
          ApplicationStatus.Edited,
          ApplicationStatus.Cancelled,
        ],
      })
      .andWhere(
        new Brackets((qb) => {
          qb.where("offering.id is NULL")
            .orWhere(
              "offering.studyStartDate BETWEEN :studyStartDate AND :studyEndDate",
              { studyStartDate, studyEndDate },
            )
            .orWhere(
              "offering.studyEndDate BETWEEN :studyStartDate AND :studyEndDate",
              { studyStartDate, studyEndDate },
            )
            .orWhere(
              " :studyStartDate BETWEEN offering.studyStartDate AND offering.studyEndDate",
              { studyStartDate: studyStartDate },
            )
            .orWhere(
              " :studyEndDate BETWEEN offering.studyStartDate AND offering.studyEndDate",
              { studyEndDate: studyEndDate },
            );
        }),
      )
      .getOne();
  }

  /**
   * Check if a Student Application exists.
   * @param options query options.
   * - `applicationId` application id.
   * - `applicationNumber` application number.
   * - `studentId` student id, useful for authorization to ensure
   * the student has access to the application.
   * @returns true if the application exists, otherwise false.
   */
  async doesApplicationExist(options: {
    applicationId?: number;
    applicationNumber?: string;
    studentId?: number;
  }): Promise<boolean> {
    if (!options.applicationId && !options.applicationNumber) {
      throw new Error(
        "At least one application identifier is required while checking if an applications exists.",
      );
    }
    return this.repo.exists({
      where: {
        id: options.applicationId,
        applicationNumber: options.applicationNumber,
        student: { id: options.studentId },
      },
    });
  }

  /**
   * Retrieves the application to request an appeal.
   * @param applicationId application ID.
   * @param studentId student id.
   * @returns application details for an appeal.
   */
  async getApplicationToRequestAppeal(
    applicationId: number,
    studentId: number,
  ): Promise<Application> {
    return this.repo.findOne({
      select: {
        id: true,
        applicationNumber: true,
        isArchived: true,
        offeringIntensity: true,
        programYear: { id: true, programYear: true },
        supportingUsers: { id: true, fullName: true, supportingUserType: true },
      },
      relations: {
        programYear: true,
        supportingUsers: true,
      },
      where: {
        student: { id: studentId },
        applicationStatus: ApplicationStatus.Completed,
        id: applicationId,
      },
      order: { supportingUsers: { id: "ASC" } },
    });
  }

  /**
   * Validation for application overlapping dates or Pending PIR.
   * This validation can be disabled by setting BYPASS_APPLICATION_SUBMIT_VALIDATIONS to true in .env file.
   * @param applicationId application id.
   * @param userId user id.
   * @param studentId student id.
   * @param studyStartDate study start date.
   * @param studyEndDate study end date.
   */
  async validateOverlappingDates(
    applicationId: number,
    userId: number,
    studentId: number,
    studyStartDate: string,
    studyEndDate: string,
  ): Promise<void> {
    if (!this.configService.bypassApplicationSubmitValidations) {
      const existingOverlapApplication = this.validatePIRAndDateOverlap(
        userId,
        studyStartDate,
        studyEndDate,
        applicationId,
      );

      const existingSFASFTApplication =
        this.sfasApplicationService.validateDateOverlap(
          studentId,
          studyStartDate,
          studyEndDate,
        );

      const existingSFASPTApplication =
        this.sfasPartTimeApplicationsService.validateDateOverlap(
          studentId,
          studyStartDate,
          studyEndDate,
        );
      const [
        applicationResponse,
        sfasFTApplicationResponse,
        sfasPTApplicationResponse,
      ] = await Promise.all([
        existingOverlapApplication,
        existingSFASFTApplication,
        existingSFASPTApplication,
      ]);
      if (
        !!applicationResponse ||
        !!sfasFTApplicationResponse ||
        !!sfasPTApplicationResponse
      ) {
        throw new CustomNamedError(
          STUDY_DATE_OVERLAP_ERROR_MESSAGE,
          STUDY_DATE_OVERLAP_ERROR,
        );
      }
    }
  }

  /**
   * Fetches application by applicationId and studentId.
   * @param applicationId application id.
   * @param options options
   * - `studentId` student id.
   * @returns application details
   */
  async getApplicationDetails(
    applicationId: number,
    options?: { studentId?: number },
  ): Promise<Application> {
    return this.repo.findOne({
      select: {
        id: true,
        applicationStatus: true,
        applicationNumber: true,
        student: {
          id: true,
        },
        location: {
          id: true,
          name: true,
        },
        applicationStatusUpdatedOn: true,
        pirStatus: true,
        pirDeniedReasonId: {
          id: true,
          reason: true,
        },
        pirDeniedOtherDesc: true,
        currentAssessment: {
          id: true,
          offering: {
            id: true,
            offeringStatus: true,
            studyStartDate: true,
            studyEndDate: true,
            offeringIntensity: true,
          },
          disbursementSchedules: {
            id: true,
            coeStatus: true,
            disbursementDate: true,
            disbursementScheduleStatus: true,
          },
          triggerType: true,
        },
        applicationException: {
          id: true,
          exceptionStatus: true,
        },
        submittedDate: true,
        // data is of type 'FindOptionsSelect<ApplicationData>'.
        // Here even if the data is spread the db will fetch all the data property as of now.
        data: {
          studyendDate: true,
          studystartDate: true,
        },
        studentScholasticStandings: {
          id: true,
          changeType: true,
        },
        programYear: { id: true },
      },
      relations: {
        student: true,
        pirDeniedReasonId: true,
        currentAssessment: { offering: true, disbursementSchedules: true },
        applicationException: true,
        location: true,
        studentScholasticStandings: true,
        programYear: true,
      },
      where: {
        id: applicationId,
        applicationStatus: Not(ApplicationStatus.Edited),
        student: {
          id: options?.studentId,
        },
      },
    });
  }

  /**
   * Get assessment details of an application.
   * @param applicationId application.
   * @param options query options
   * - `studentId` student id used for authorization.
   * - `applicationStatus` application status/statuses to be considered.
   * @returns application details
   */
  async getApplicationAssessmentDetails(
    applicationId: number,
    options: {
      studentId?: number;
      applicationStatus?: ApplicationStatus[];
    },
  ): Promise<Application> {
    const applicationStatuses = options?.applicationStatus ?? [
      ApplicationStatus.Assessment,
      ApplicationStatus.Enrolment,
      ApplicationStatus.Completed,
    ];
    return this.repo.findOne({
      select: {
        id: true,
        applicationEditStatus: true,
        currentAssessment: {
          id: true,
          triggerType: true,
          disbursementSchedules: {
            id: true,
            coeStatus: true,
            disbursementDate: true,
            disbursementScheduleStatus: true,
            coeDeniedReason: { id: true, reason: true },
            coeDeniedOtherDesc: true,
          },
        },
        studentScholasticStandings: {
          id: true,
          changeType: true,
          reversalDate: true,
        },
      },
      relations: {
        currentAssessment: {
          disbursementSchedules: { coeDeniedReason: true },
        },
        studentScholasticStandings: true,
      },
      where: {
        id: applicationId,
        applicationStatus: In(applicationStatuses),
        student: {
          id: options?.studentId,
        },
      },
      order: {
        currentAssessment: {
          disbursementSchedules: { disbursementDate: "ASC" },
        },
      },
    });
  }

  /**
   * Gets the application details belonging to an institution location.
   * @param applicationId application id.
   * @param locationId optional location id.
   * @returns student application.
   */
  async getApplicationInfo(
    applicationId: number,
    locationId?: number,
  ): Promise<Application> {
    return this.repo.findOne({
      select: {
        id: true,
        applicationNumber: true,
        offeringIntensity: true,
        data: true as unknown,
        programYear: {
          id: true,
          active: true,
          startDate: true,
          endDate: true,
        },
        student: {
          id: true,
          birthDate: true,
          user: {
            id: true,
            firstName: true,
            lastName: true,
            email: true,
          },
          sinValidation: {
            id: true,
            sin: true,
          },
        },
      },
      relations: {
        programYear: true,
        location: true,
        student: {
          user: true,
          sinValidation: true,
        },
      },
      where: {
        id: applicationId,
        location: {
          id: locationId,
        },
        applicationStatus: Not(ApplicationStatus.Edited),
      },
    });
  }

  /**
   * Set of validations for existing application and newly
   * selected offering, like, application belongs to the location,
   * newly selected offering belongs to the location, is there any
   * overlapping study dates for the student, is the offering is
   * matching with the existing offering and the newly selected
   * offering belong to the same program year.
   * @param applicationId existing application id.
   * @param selectedOffering newly selected offering id.
   * @param locationId location id.
   */
  async validateApplicationOffering(
    applicationId: number,
    selectedOffering: number,
    locationId: number,
  ): Promise<void> {
    // Validate if the application exists and the location has access to it.
    const application = await this.getApplicationInfo(
      applicationId,
      locationId,
    );
    if (!application) {
      throw new CustomNamedError(
        "Application not found.",
        APPLICATION_NOT_FOUND,
      );
    }

    // Validates if the offering exists and belongs to the location.
    const offering = await this.offeringService.getOfferingLocationId(
      selectedOffering,
      locationId,
    );

    if (!offering) {
      throw new CustomNamedError(
        "The location does not have access to the offering.",
        OFFERING_DOES_NOT_BELONG_TO_LOCATION,
      );
    }

    // Validates if the Program is active.
    if (!offering.educationProgram.isActive) {
      throw new CustomNamedError(
        "The education program is not active.",
        EDUCATION_PROGRAM_IS_NOT_ACTIVE,
      );
    }

    // Validates if the program is expired.
    if (offering.educationProgram.isExpired) {
      throw new CustomNamedError(
        "The education program is expired.",
        EDUCATION_PROGRAM_IS_EXPIRED,
      );
    }

    // Validate possible overlaps with exists applications.
    await this.validateOverlappingDates(
      application.id,
      application.student.user.id,
      application.student.id,
      offering.studyStartDate,
      offering.studyEndDate,
    );

    // Check if the newly selected offering intensity
    // is matching with the existing offering intensity.
    if (application.offeringIntensity !== offering.offeringIntensity) {
      throw new CustomNamedError(
        "Offering intensity does not match with the student selected offering.",
        OFFERING_INTENSITY_MISMATCH,
      );
    }

    // Offering belongs to the application program year.
    if (!offeringBelongToProgramYear(offering, application.programYear)) {
      throw new CustomNamedError(
        "Program year is not matching with the application program year.",
        OFFERING_PROGRAM_YEAR_MISMATCH,
      );
    }
  }

  /**
   * Gets application and assessment status details.
   * @param applicationId application id.
   * @param options method options:
   * - `entityManager`: entity manager to be optionally used.
   * @returns application with assessment details populated.
   */
  async getApplicationAssessmentStatusDetails(
    applicationId: number,
    options?: { entityManager?: EntityManager },
  ): Promise<Application> {
    const applicationRepo = options?.entityManager
      ? options.entityManager.getRepository(Application)
      : this.repo;
    return applicationRepo.findOne({
      select: {
        id: true,
        currentAssessment: {
          id: true,
          assessmentDate: true,
          offering: { id: true },
          studentAppeal: { id: true },
          formSubmission: { id: true },
        },
        studentAssessments: { studentAssessmentStatus: true },
        student: { id: true },
        isArchived: true,
        applicationStatus: true,
      },
      relations: {
        currentAssessment: {
          offering: true,
          studentAppeal: true,
          formSubmission: true,
        },
        studentAssessments: true,
        student: true,
      },
      where: {
        id: applicationId,
        studentAssessments: {
          triggerType: AssessmentTriggerType.OriginalAssessment,
        },
      },
    });
  }

  /**
   * Check if the application has any feedback errors received
   * that will block the student funding.
   * @param applicationId application.
   * @returns flag which indicates if application has any errors
   * blocking funding.
   */
  async hasFeedbackErrorBlockingFunds(applicationId: number): Promise<boolean> {
    return this.repo.exists({
      where: {
        id: applicationId,
        currentAssessment: {
          disbursementSchedules: {
            disbursementFeedbackErrors: {
              eCertFeedbackError: { blockFunding: true },
            },
          },
        },
      },
    });
  }

  /**
   * Get the active application version and all past versions
   * for an application through parent application.
   * @param applicationId application id.
   * @param options query options.
   * - `studentId` student ID used for authorization.
   * @returns active (current) application and its versions, if any.
   */
  async getAllApplicationVersions(
    applicationId: number,
    options?: { studentId?: number },
  ): Promise<Application> {
    const applicationQuery = this.repo
      .createQueryBuilder("application")
      .select([
        "application.id",
        "application.applicationEditStatus",
        "application.submittedDate",
        "parentApplication.id",
        "version.id",
        "version.submittedDate",
        "version.applicationEditStatus",
        "supportingUser.id",
        "supportingUser.supportingUserType",
        "supportingUser.fullName",
        "supportingUser.isAbleToReport",
        "versionSupportingUser.id",
        "versionSupportingUser.supportingUserType",
        "versionSupportingUser.fullName",
        "versionSupportingUser.isAbleToReport",
      ])
      .innerJoin("application.parentApplication", "parentApplication")
      .leftJoin("application.supportingUsers", "supportingUser")
      .leftJoin(
        "parentApplication.versions",
        "version",
        "version.applicationStatus = :editedStatus",
        { editedStatus: ApplicationStatus.Edited },
      )
      .leftJoin("version.supportingUsers", "versionSupportingUser")
      .where("application.id = :applicationId", {
        applicationId: applicationId,
      })
      .orderBy("version.submittedDate", "DESC");
    if (options?.studentId) {
      applicationQuery.andWhere("application.student.id = :studentId", {
        studentId: options.studentId,
      });
    }
    return applicationQuery.getOne();
  }

  /**
   * Get application data.
   * @param applicationId application id.
   * @returns the application data.
   */
  async getApplicationData(applicationId: number): Promise<Application> {
    return this.repo.findOne({
      select: { id: true, data: true as unknown },
      where: { id: applicationId },
    });
  }

  /**
   * Gets the current application by parent application id.
   * @param parentApplicationId parent application id.
   * @returns the application.
   */
  async getCurrentApplicationByParentApplicationId(
    parentApplicationId: number,
  ): Promise<Application> {
    return this.repo.findOne({
      select: { id: true, submittedDate: true },
      where: {
        parentApplication: {
          id: parentApplicationId,
        },
        applicationStatus: Not(ApplicationStatus.Edited),
      },
      order: { submittedDate: "DESC" },
    });
  }

  /**
   * Get information required for an application submission validation.
   * @param applicationId application ID.
   * @param studentId student to check for authorization.
   * @returns application data for submission validation.
   */
  async getApplicationForSubmissionValidation(
    applicationId: number,
    studentId: number,
  ): Promise<Application> {
    return this.repo.findOne({
      select: {
        id: true,
        programYear: {
          id: true,
          active: true,
          startDate: true,
          endDate: true,
          offeringIntensity: true,
        },
        offeringIntensity: true,
        student: {
          id: true,
          user: {
            id: true,
            firstName: true,
            lastName: true,
          },
        },
      },
      relations: {
        programYear: true,
        student: {
          user: true,
        },
      },
      where: {
        id: applicationId,
        student: { id: studentId },
      },
    });
  }

  /**
   * Get versions of the application by edit status.
   * @param applicationId application ID.
   * @param editStatuses edit statuses to filter by.
   * @param options options.
   * - `studentId` student ID used for authorization.
   * @returns versions of the application that match the edit statuses,
   * or an empty array if none was found.
   */
  async getApplicationsVersionByEditStatus(
    applicationId: number,
    editStatuses: ApplicationEditStatus[],
    options?: { studentId?: number },
  ): Promise<Application[]> {
    const application = await this.repo.findOne({
      select: {
        id: true,
        parentApplication: {
          id: true,
          versions: {
            id: true,
            applicationEditStatus: true,
          },
        },
      },
      relations: {
        parentApplication: {
          versions: true,
        },
      },
      where: {
        id: applicationId,
        parentApplication: {
          versions: {
            applicationEditStatus: In(editStatuses),
          },
        },
        student: { id: options?.studentId },
      },
    });
    return application?.parentApplication?.versions ?? [];
  }

  /**
   * Get a database lock on the application.
   * Locks only the application record.
   * @param entityManager entity manager to be used for the query.
   * @param applicationId application ID for which to get the lock.
   */
  async getApplicationLock(
    entityManager: EntityManager,
    applicationId: number,
  ): Promise<void> {
    await entityManager.getRepository(Application).findOne({
      select: { id: true },
      where: { id: applicationId },
      lock: { mode: "pessimistic_write" },
    });
  }

  /**
   * Checks if any version of the application has completed PIR status.
   * @param applicationId application id.
   * @returns boolean indicating if any version has completed PIR status.
   */
  async hasPreviouslyCompletedPIR(applicationId: number): Promise<boolean> {
    return this.repo.exists({
      where: {
        id: applicationId,
        parentApplication: {
          versions: {
            pirStatus: ProgramInfoStatus.completed,
          },
        },
      },
    });
  }

  /**
   * Copy program data from a source application to a target application.
   * @param sourceApplicationData source application data to copy from.
   * @param targetApplicationData target application data to copy to.
   * @throws error if program persistent properties are not defined.
   */
  private copyProgramData(
    sourceApplicationData: ApplicationData,
    targetApplicationData: ApplicationData,
  ): void {
    // Using the program persistent properties from target application data
    // to get the most recent list of properties from the form definition.
    const programPersistentProperties =
      targetApplicationData.programPersistentProperties;
    // Throw error if program persistent properties are not defined.
    // This will prevent the incomplete data from being saved.
    if (!programPersistentProperties?.length) {
      throw new CustomNamedError(
        "Application data does not have program persistent properties.",
        APPLICATION_NOT_VALID,
      );
    }
    for (const propertyName of programPersistentProperties) {
      if (sourceApplicationData.hasOwnProperty(propertyName)) {
        targetApplicationData[propertyName] =
          sourceApplicationData[propertyName];
      }
    }
  }

  /**
   * Check if the beta institution mode is enabled and if enabled
   * allow application submission only for beta institution locations.
   * @param isBetaInstitutionLocation is beta institution location.
   * @throws {ForbiddenException} application submission for a non-beta institution location is not allowed.
   */
  private validateBetaInstitutionLocation(
    isBetaInstitutionLocation: boolean,
  ): void {
    const allowBetaInstitutionsOnly =
      this.configService.allowBetaInstitutionsOnly;
    if (allowBetaInstitutionsOnly && !isBetaInstitutionLocation) {
      throw new CustomNamedError(
        "Application submission for a non-beta institution location is not allowed.",
        INVALID_OPERATION_IN_THE_CURRENT_STATE,
      );
    }
  }
}
