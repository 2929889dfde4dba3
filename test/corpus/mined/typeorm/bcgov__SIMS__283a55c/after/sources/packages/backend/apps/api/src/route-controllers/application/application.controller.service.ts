import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from "@nestjs/common";
import {
  EducationProgramOfferingService,
  InstitutionLocationService,
  EducationProgramService,
  StudentRestrictionService,
  ApplicationService,
  StudentAppealService,
  ApplicationOfferingChangeRequestService,
  CRAIncomeVerificationService,
  SupportingUserService,
  FormService,
  DynamicFormConfigurationService,
  UserService,
} from "../../services";
import {
  ApplicationFormData,
  ApplicationDataAPIOutDTO,
  SuccessWaitingStatus,
  ApplicationIncomeVerification,
  EnrolmentApplicationDetailsAPIOutDTO,
  ApplicationSupplementalDataAPIOutDTO,
  ApplicationProgressDetailsAPIOutDTO,
  CompletedApplicationDetailsAPIOutDTO,
  InProgressApplicationDetailsAPIOutDTO,
  ApplicationDataChangeAPIOutDTO,
  ApplicationOverallDetailsAPIOutDTO,
  SaveApplicationAPIInDTO,
  ChangeRequestInProgressAPIOutDTO,
  ApplicationVersionAPIOutDTO,
  ApplicationIdentifiableSupportingUserDetails,
  ECertFailedValidationsInfoAPIOutDTO,
  SupportingUserDetails,
} from "./models/application.dto";
import {
  allowApplicationChangeRequest,
  AVIATION_RESTRICTION_CODES,
  credentialTypeToDisplay,
  deliveryMethod,
  getCOEDeniedReason,
  getOfferingNameAndPeriod,
  getPIRDeniedReason,
  getUserFullName,
} from "../../utilities";
import {
  ApplicationDataChange,
  getDateOnlyFormat,
  compareApplicationData,
} from "@sims/utilities";
import {
  Application,
  ApplicationData,
  CRAIncomeVerification,
  DisbursementSchedule,
  OfferingIntensity,
  ProgramStatus,
  SupportingUser,
  SupportingUserType,
  RestrictionActionType,
  ApplicationOfferingChangeRequestStatus,
  ApplicationStatus,
  StudentAppealStatus,
  ApplicationEditStatusInProgress,
  APPLICATION_EDIT_STATUS_IN_PROGRESS_VALUES,
  DynamicFormType,
  ProgramInfoStatus,
  StudentScholasticStandingChangeType,
  AssessmentTriggerType,
} from "@sims/sims-db";
import { ApiProcessError } from "../../types";
import { ACTIVE_STUDENT_RESTRICTION } from "../../constants";
import { ECertPreValidationService } from "@sims/integrations/services/disbursement-schedule/e-cert-calculation";
import {
  AssessmentSequentialProcessingService,
  RestrictionCode,
} from "@sims/services";
import { ConfigService } from "@sims/utilities/config";
import {
  ECertFailedValidation,
  ECertFailedValidationResult,
} from "@sims/integrations/services";

/**
 * This service controller is a provider which is created to extract the implementation of
 * controller in one place as their business logic is shared between different client types.
 * (e.g. AEST and Student).
 */
@Injectable()
export class ApplicationControllerService {
  constructor(
    private readonly offeringService: EducationProgramOfferingService,
    private readonly locationService: InstitutionLocationService,
    private readonly programService: EducationProgramService,
    private readonly studentRestrictionService: StudentRestrictionService,
    private readonly applicationService: ApplicationService,
    private readonly studentAppealService: StudentAppealService,
    private readonly applicationOfferingChangeRequestService: ApplicationOfferingChangeRequestService,
    private readonly eCertPreValidationService: ECertPreValidationService,
    private readonly craIncomeVerificationService: CRAIncomeVerificationService,
    private readonly supportingUserService: SupportingUserService,
    private readonly assessmentSequentialProcessingService: AssessmentSequentialProcessingService,
    private readonly formService: FormService,
    private readonly configService: ConfigService,
    private readonly dynamicFormConfigurationService: DynamicFormConfigurationService,
    private readonly userService: UserService,
  ) {}

  /**
   * Add location, program and offering labels
   * and reset the dropdown value for non
   * designated location and not approved
   * programs. When application is provided, also enriches the form data
   * with the PIR outcome summary when the PIR has been completed.
   * @param data application data.
   * @param application application entity. When provided, the PIR outcome
   * summary is added to the form data if the PIR status is completed.
   * @returns ApplicationFormData.
   */
  async generateApplicationFormData(
    application: Application,
  ): Promise<ApplicationFormData> {
    const additionalFormData = {} as ApplicationFormData;
    await this.processSelectedLocation(application.data, additionalFormData);
    await this.processSelectedProgram(application.data, additionalFormData);
    await this.processSelectedOffering(application.data, additionalFormData);
    this.processPIRSummary(application, additionalFormData);
    return { ...application.data, ...additionalFormData };
  }

  /**
   * Enriches the application form data with the PIR outcome summary when the PIR
   * has been completed. The summary data is sourced from the original assessment
   * offering, since PIR is assessed once per application and is tied to the
   * original submission, regardless of any subsequent reassessments.
   * @param application application entity loaded with the original assessment offering
   * and education program data.
   * @param formData form data object to be enriched with the PIR summary.
   */
  private processPIRSummary(
    application: Application | undefined,
    formData: ApplicationFormData,
  ): void {
    if (application?.pirStatus !== ProgramInfoStatus.completed) {
      return;
    }
    const originalAssessment = application.studentAssessments?.find(
      (assessment) =>
        assessment.triggerType === AssessmentTriggerType.OriginalAssessment,
    );
    if (!originalAssessment?.offering) {
      return;
    }
    const offering = originalAssessment.offering;
    formData.pirSummary = {
      programName: offering.educationProgram.name,
      offeringName: getOfferingNameAndPeriod(offering),
    };
  }

  /**
   * Get status of all requests and confirmations in student application (Exception, PIR and COE).
   * @param applicationId application id.
   * @param options options.
   * - `studentId` student id.
   * @returns application progress details.
   */
  async getApplicationProgressDetails(
    applicationId: number,
    options?: { studentId?: number },
  ): Promise<ApplicationProgressDetailsAPIOutDTO> {
    const application = await this.applicationService.getApplicationDetails(
      applicationId,
      { studentId: options?.studentId },
    );
    if (!application) {
      throw new NotFoundException(
        `Application id ${applicationId} was not found.`,
      );
    }

    let appealStatus: StudentAppealStatus;
    let applicationOfferingChangeRequestStatus: ApplicationOfferingChangeRequestStatus;
    let hasBlockFundingFeedbackError = false;
    let hasECertFailedValidations = false;
    if (application.applicationStatus === ApplicationStatus.Completed) {
      const appealPromise = this.studentAppealService.getAppealsForApplication(
        applicationId,
        { limit: 1 },
      );
      const applicationOfferingChangeRequestPromise =
        this.applicationOfferingChangeRequestService.getApplicationOfferingChangeRequest(
          applicationId,
        );
      const feedbackErrorPromise =
        this.applicationService.hasFeedbackErrorBlockingFunds(applicationId);
      const eCertValidationResultPromise =
        this.eCertPreValidationService.executePreValidations(applicationId);
      const [
        [appeal],
        applicationOfferingChangeRequest,
        feedbackError,
        eCertValidationResult,
      ] = await Promise.all([
        appealPromise,
        applicationOfferingChangeRequestPromise,
        feedbackErrorPromise,
        eCertValidationResultPromise,
      ]);
      appealStatus = appeal?.status;
      applicationOfferingChangeRequestStatus =
        applicationOfferingChangeRequest?.applicationOfferingChangeRequestStatus;
      hasBlockFundingFeedbackError = feedbackError;
      hasECertFailedValidations = !eCertValidationResult.canGenerateECert;
    }

    const assessmentTriggerType = application.currentAssessment?.triggerType;

    const disbursements =
      application.currentAssessment?.disbursementSchedules ?? [];

    disbursements.sort((a, b) =>
      a.disbursementDate < b.disbursementDate ? -1 : 1,
    );
    const [firstDisbursement, secondDisbursement] = disbursements;
    const [scholasticStandingChange] = application.studentScholasticStandings;

    return {
      applicationStatus: application.applicationStatus,
      applicationStatusUpdatedOn: application.applicationStatusUpdatedOn,
      pirStatus: application.pirStatus,
      firstCOEStatus: firstDisbursement?.coeStatus,
      secondCOEStatus: secondDisbursement?.coeStatus,
      exceptionStatus: application.applicationException?.exceptionStatus,
      appealStatus,
      scholasticStandingChangeType: scholasticStandingChange?.changeType,
      applicationOfferingChangeRequestStatus,
      assessmentTriggerType,
      hasBlockFundingFeedbackError,
      hasECertFailedValidations,
      currentAssessmentId: application.currentAssessment?.id,
    };
  }

  /**
   * Get details for the application in enrolment status.
   * @param applicationId student application id.
   * @param options options.
   *  - `studentId` student id.
   * @returns details for the application enrolment status.
   */
  async getEnrolmentApplicationDetails(
    applicationId: number,
    options?: { studentId?: number },
  ): Promise<EnrolmentApplicationDetailsAPIOutDTO> {
    const application =
      await this.applicationService.getApplicationAssessmentDetails(
        applicationId,
        {
          studentId: options?.studentId,
          applicationStatus: [ApplicationStatus.Enrolment],
        },
      );
    if (!application) {
      throw new NotFoundException(
        `Application id ${applicationId} not found or not in relevant status to get enrolment details.`,
      );
    }

    return {
      ...this.transformToEnrolmentApplicationDetailsAPIOutDTO(
        application.currentAssessment.disbursementSchedules,
      ),
      assessmentTriggerType: application.currentAssessment.triggerType,
    };
  }

  /**
   * Get details for an application at completed status.
   * @param applicationId application id.
   * @param options options.
   * - `studentId` student id.
   * @returns details for an application on at completed status.
   */
  async getCompletedApplicationDetails(
    applicationId: number,
    options?: { studentId?: number },
  ): Promise<CompletedApplicationDetailsAPIOutDTO> {
    const getApplicationPromise =
      this.applicationService.getApplicationAssessmentDetails(applicationId, {
        studentId: options?.studentId,
        applicationStatus: [ApplicationStatus.Completed],
      });
    const appealPromise = this.studentAppealService.getAppealsForApplication(
      applicationId,
      { limit: 1 },
    );
    const applicationOfferingChangeRequestPromise =
      this.applicationOfferingChangeRequestService.getApplicationOfferingChangeRequest(
        applicationId,
      );
    const hasBlockFundingFeedbackErrorPromise =
      this.applicationService.hasFeedbackErrorBlockingFunds(applicationId);
    const eCertValidationResultPromise =
      this.eCertPreValidationService.executePreValidations(applicationId);
    const [
      application,
      [appeal],
      applicationOfferingChangeRequest,
      hasBlockFundingFeedbackError,
      eCertValidationResult,
    ] = await Promise.all([
      getApplicationPromise,
      appealPromise,
      applicationOfferingChangeRequestPromise,
      hasBlockFundingFeedbackErrorPromise,
      eCertValidationResultPromise,
    ]);
    if (!application) {
      throw new NotFoundException(
        `Application not found or not on ${ApplicationStatus.Completed} status.`,
      );
    }
    const enrolmentDetails =
      this.transformToEnrolmentApplicationDetailsAPIOutDTO(
        application.currentAssessment.disbursementSchedules,
      );
    const hasActiveUnsuccessfulCompletionWeeks =
      application.studentScholasticStandings.some(
        (scholasticStanding) =>
          scholasticStanding.changeType ===
            StudentScholasticStandingChangeType.StudentDidNotCompleteProgram &&
          !scholasticStanding.reversalDate,
      );
    const changeRequestInProgress =
      await this.getInProgressChangeRequestDetails(application.id, options);
    const eCertFailedValidations = eCertValidationResult.failedValidations.map(
      (failedValidation) => failedValidation.resultType,
    );

    return {
      firstDisbursement: enrolmentDetails.firstDisbursement,
      secondDisbursement: enrolmentDetails.secondDisbursement,
      assessmentTriggerType: application.currentAssessment.triggerType,
      appealStatus: appeal?.status,
      applicationOfferingChangeRequestId: applicationOfferingChangeRequest?.id,
      applicationOfferingChangeRequestStatus:
        applicationOfferingChangeRequest?.applicationOfferingChangeRequestStatus,
      hasActiveUnsuccessfulCompletionWeeks,
      hasBlockFundingFeedbackError,
      eCertFailedValidations,
      eCertFailedValidationsInfo: this.buildECertFailedValidationsInfo(
        eCertValidationResult.failedValidations,
      ),
      changeRequestInProgress,
    };
  }

  /**
   * Gets the information of an in-progress change request for the application, if one exists.
   * Checks for he existence of an in-progress change request for the application to get a list
   * of sub-processes status, for instance, income verifications and supporting user information.
   * @param applicationId current application ID to verify a possible in progress change request.
   * @param options options.
   * - `studentId` student ID used for authorization, when required.
   * @returns information of the in-progress change request for the application, if one exists.
   */
  private async getInProgressChangeRequestDetails(
    applicationId: number,
    options?: { studentId?: number },
  ): Promise<ChangeRequestInProgressAPIOutDTO | undefined> {
    const [inProgressChangeRequest] =
      await this.applicationService.getApplicationsVersionByEditStatus(
        applicationId,
        APPLICATION_EDIT_STATUS_IN_PROGRESS_VALUES,
        {
          studentId: options?.studentId,
        },
      );
    if (!inProgressChangeRequest) {
      return undefined;
    }
    // If there is an in-progress change request, then get the income verification and supporting user details.
    const incomePromise =
      this.craIncomeVerificationService.getAllIncomeVerificationsForAnApplication(
        inProgressChangeRequest.id,
      );
    const supportingUsersPromise =
      this.supportingUserService.getSupportingUsersByApplicationId(
        inProgressChangeRequest.id,
      );
    const [incomeVerificationDetails, supportingUserDetails] =
      await Promise.all([incomePromise, supportingUsersPromise]);
    const incomeVerification = this.processApplicationIncomeVerificationDetails(
      incomeVerificationDetails,
    );
    const supportingUser = this.processApplicationSupportingUserDetails(
      supportingUserDetails,
    );
    return {
      applicationId: inProgressChangeRequest.id,
      applicationEditStatus:
        inProgressChangeRequest.applicationEditStatus as ApplicationEditStatusInProgress,
      ...incomeVerification,
      ...supportingUser,
    };
  }

  /**
   * Get in progress details of an application by application id.
   * @param applicationId application id.
   * @param options options.
   * - `studentId` student id.
   * @returns application details.
   */
  async getInProgressApplicationDetails(
    applicationId: number,
    options?: { studentId?: number },
  ): Promise<InProgressApplicationDetailsAPIOutDTO> {
    const application = await this.applicationService.getApplicationDetails(
      applicationId,
      { studentId: options?.studentId },
    );
    if (!application) {
      throw new NotFoundException(
        `Application id ${applicationId} was not found.`,
      );
    }
    if (application.applicationStatus !== ApplicationStatus.InProgress) {
      throw new UnprocessableEntityException(
        `Application not in ${ApplicationStatus.InProgress} status.`,
      );
    }
    const incomeVerificationDetails =
      await this.craIncomeVerificationService.getAllIncomeVerificationsForAnApplication(
        applicationId,
      );
    const incomeVerification = this.processApplicationIncomeVerificationDetails(
      incomeVerificationDetails,
    );

    const supportingUserDetails =
      await this.supportingUserService.getSupportingUsersByApplicationId(
        applicationId,
      );

    const supportingUser = this.processApplicationSupportingUserDetails(
      supportingUserDetails,
    );

    // Get the first outstanding assessment waiting for calculation as per the sequence.
    const firstOutstandingStudentAssessment =
      await this.assessmentSequentialProcessingService.getOutstandingAssessmentsForStudentInSequence(
        application.student.id,
        application.programYear.id,
      );

    // If first outstanding assessment returns a value and its Id is different
    // from the current assessment Id, then assessmentInCalculationStep is Waiting.
    const outstandingAssessmentStatus =
      firstOutstandingStudentAssessment &&
      firstOutstandingStudentAssessment.id !== application.currentAssessment.id
        ? SuccessWaitingStatus.Waiting
        : SuccessWaitingStatus.Success;

    return {
      id: application.id,
      applicationStatus: application.applicationStatus,
      pirStatus: application.pirStatus,
      pirDeniedReason: getPIRDeniedReason(application),
      exceptionStatus: application.applicationException?.exceptionStatus,
      outstandingAssessmentStatus: outstandingAssessmentStatus,
      ...incomeVerification,
      ...supportingUser,
    };
  }

  /**
   * Check whether the selected location is designated or not.
   * If selected location is not designated, then make the
   * selectedLocation null.
   * @param data application data.
   * @param additionalFormData form data for readonly form.
   */
  private async processSelectedLocation(
    data: ApplicationData,
    additionalFormData: ApplicationFormData,
  ): Promise<void> {
    if (data.selectedLocation) {
      const designatedLocation = await this.locationService.getLocation(
        data.selectedLocation,
      );
      if (!designatedLocation.isDesignated) {
        data.selectedLocation = null;
      }
      // Assign location name for readonly form.
      additionalFormData.selectedLocationName = designatedLocation.locationName;
    }
  }

  /**
   * Check wether the program is approved or not.
   * If selected program is not approved, then make the
   * selectedProgram null.
   * @param data application data.
   * @param additionalFormData form data for readonly form.
   */
  private async processSelectedProgram(
    data: ApplicationData,
    additionalFormData: ApplicationFormData,
  ): Promise<void> {
    if (data.selectedProgram) {
      const selectedProgram = await this.programService.getProgramById(
        data.selectedProgram,
      );
      if (selectedProgram) {
        // Assign selected program && selected offering for application as null when the program is not approved, inactive or expired.
        if (
          !selectedProgram.isActive ||
          selectedProgram.isExpired ||
          selectedProgram.programStatus !== ProgramStatus.Approved
        ) {
          data.selectedProgram = null;
        }
        // Assign program name for readonly form.
        additionalFormData.selectedProgramName = selectedProgram.name;
        // Program details.
        additionalFormData.selectedProgramDesc = {
          credentialType: selectedProgram.credentialType,
          credentialTypeToDisplay: credentialTypeToDisplay(
            selectedProgram.credentialType,
          ),
          deliveryMethod: deliveryMethod(
            selectedProgram.deliveredOnline,
            selectedProgram.deliveredOnSite,
          ),
          description: selectedProgram.description,
          id: selectedProgram.id,
          name: selectedProgram.name,
        };
      } else {
        data.selectedProgram = null;
      }
    }
  }

  /**
   * Get selected offering details.
   * If selected offering is not found, then make the
   * selectedOffering null.
   * @param data application data.
   * @param additionalFormData form data for readonly form.
   */
  private async processSelectedOffering(
    data: ApplicationData,
    additionalFormData: ApplicationFormData,
  ): Promise<void> {
    if (data.selectedOffering) {
      const selectedOffering = await this.offeringService.getOfferingById(
        data.selectedOffering,
      );
      if (selectedOffering) {
        additionalFormData.selectedOfferingName =
          getOfferingNameAndPeriod(selectedOffering);
      } else {
        data.selectedOffering = null;
      }
    }
  }

  /**
   * Transformation util for Application.
   * @param application application to be converted to the DTO.
   * @param options additional options.
   * - `previousData` previous application to allow changes detection.
   * @returns application DTO.
   */
  transformToApplicationDTO(
    application: Application,
    options?: { previousData?: unknown },
  ): ApplicationSupplementalDataAPIOutDTO {
    let changes: ApplicationDataChangeAPIOutDTO[];
    if (options?.previousData) {
      const applicationDataChanges = compareApplicationData(
        application.data,
        options.previousData,
      );
      if (applicationDataChanges.length) {
        changes = [];
        this.transformToApplicationChangesDTO(applicationDataChanges, changes);
      }
    }
    const applicationFormName = this.getStudentApplicationFormName(
      application.programYear.id,
      application.offeringIntensity,
    );
    return {
      data: application.data,
      id: application.id,
      applicationStatus: application.applicationStatus,
      applicationEditStatus: application.applicationEditStatus,
      applicationNumber: application.applicationNumber,
      isArchived: application.isArchived,
      applicationFormName,
      applicationProgramYearID: application.programYear.id,
      studentFullName: getUserFullName(application.student.user),
      applicationOfferingIntensity: application.offeringIntensity,
      applicationStartDate:
        application.currentAssessment?.offering?.studyStartDate,
      applicationEndDate: application.currentAssessment?.offering?.studyEndDate,
      applicationInstitutionName:
        application.location?.institution.legalOperatingName,
      changes,
      isChangeRequestAllowedForPY: allowApplicationChangeRequest(
        application.programYear,
      ),
    };
  }

  /**
   * Recursively converts the {@link ApplicationDataChange} service model to the
   * DTO model {@link ApplicationDataChangeAPIOutDTO} which will ensure
   * that only required properties will be returned from the API also preventing
   * that future changes in the service model will not be directly returned.
   * @param applicationDataChanges service model application changes.
   * @param applicationDataChangeAPIOutDTO converted API DTO model.
   */
  transformToApplicationChangesDTO(
    applicationDataChanges: ApplicationDataChange[],
    applicationDataChangeAPIOutDTO: ApplicationDataChangeAPIOutDTO[],
  ): void {
    applicationDataChanges.forEach((dataChange) => {
      const dataChangeDTO: ApplicationDataChangeAPIOutDTO = {
        key: dataChange.key,
        index: dataChange.index,
        changeType: dataChange.changeType,
      };
      applicationDataChangeAPIOutDTO.push(dataChangeDTO);
      // Check if there are nested changes
      if (!dataChange.changes.length) {
        return;
      }
      dataChangeDTO.changes = [];
      this.transformToApplicationChangesDTO(
        dataChange.changes,
        dataChangeDTO.changes,
      );
    });
  }

  /**
   * Convert disbursements into the enrolment DTO with information
   * about first and second disbursements.
   * @param disbursementSchedules disbursements to be converted to the DTO.
   * @returns enrolment DTO.
   */
  transformToEnrolmentApplicationDetailsAPIOutDTO(
    disbursementSchedules: DisbursementSchedule[],
  ): EnrolmentApplicationDetailsAPIOutDTO {
    const [firstDisbursement, secondDisbursement] = disbursementSchedules;
    const details = {} as EnrolmentApplicationDetailsAPIOutDTO;
    if (firstDisbursement) {
      details.firstDisbursement = {
        coeStatus: firstDisbursement.coeStatus,
        disbursementScheduleStatus:
          firstDisbursement.disbursementScheduleStatus,
        coeDenialReason: getCOEDeniedReason(firstDisbursement),
      };
      if (secondDisbursement) {
        details.secondDisbursement = {
          coeStatus: secondDisbursement.coeStatus,
          disbursementScheduleStatus:
            secondDisbursement.disbursementScheduleStatus,
          coeDenialReason: getCOEDeniedReason(secondDisbursement),
        };
      }
    }
    return details;
  }

  /**
   * Transformation util for Application.
   * @param applicationDetail the application.
   * @param disbursement the disbursement schedule for the application..
   * @param hasPreviouslyCompletedPIR true if PIR has been previously completed for the application.
   * @returns Application DTO
   */
  transformToApplicationDetailForStudentDTO(
    applicationDetail: Application,
    disbursement: DisbursementSchedule,
    hasPreviouslyCompletedPIR: boolean,
  ): ApplicationDataAPIOutDTO {
    const offering = applicationDetail.currentAssessment?.offering;
    const applicationFormName = this.getStudentApplicationFormName(
      applicationDetail.programYear.id,
      applicationDetail.offeringIntensity,
    );
    // An application can have a partner, parent(s) or none so just check the first one.
    const [supportingUser] = applicationDetail.supportingUsers ?? [];
    const supportingUserType = supportingUser?.supportingUserType;
    return {
      id: applicationDetail.id,
      isArchived: applicationDetail.isArchived,
      assessmentId: applicationDetail.currentAssessment?.id,
      data: applicationDetail.data,
      applicationStatus: applicationDetail.applicationStatus,
      applicationEditStatus: applicationDetail.applicationEditStatus,
      applicationStatusUpdatedOn: applicationDetail.applicationStatusUpdatedOn,
      applicationNumber: applicationDetail.applicationNumber,
      applicationOfferingIntensity: applicationDetail.offeringIntensity,
      applicationStartDate: getDateOnlyFormat(offering?.studyStartDate),
      applicationEndDate: getDateOnlyFormat(offering?.studyEndDate),
      applicationInstitutionName: applicationDetail?.location?.name,
      applicationPIRStatus: applicationDetail.pirStatus,
      applicationAssessmentStatus:
        applicationDetail.currentAssessment?.noaApprovalStatus,
      applicationFormName,
      applicationProgramYearID: applicationDetail.programYear.id,
      applicationPIRDeniedReason: getPIRDeniedReason(applicationDetail),
      programYearStartDate: applicationDetail.programYear.startDate,
      programYearEndDate: applicationDetail.programYear.endDate,
      applicationCOEStatus: disbursement?.coeStatus,
      applicationCOEDeniedReason: disbursement
        ? getCOEDeniedReason(disbursement)
        : undefined,
      submittedDate: applicationDetail.submittedDate,
      isChangeRequestAllowedForPY: allowApplicationChangeRequest(
        applicationDetail.programYear,
      ),
      hasPreviouslyCompletedPIR,
      hasFormSubmissions: applicationDetail.formSubmissions?.length > 0,
      supportingUserType,
    };
  }

  /**
   * This method checks if the student has any apply (i.e Stop full time or
   * Stop part time) restriction on the offering intensity they selected
   * in there application.
   * @param studentId student id.
   * @param offeringIntensity offering intensity selected by the student.
   */
  async offeringIntensityRestrictionCheck(
    studentId: number,
    offeringIntensity: OfferingIntensity,
  ): Promise<void> {
    let hasRestrictionAction = false;

    if (offeringIntensity === OfferingIntensity.fullTime) {
      hasRestrictionAction =
        await this.studentRestrictionService.hasRestrictionAction(studentId, [
          RestrictionActionType.StopFullTimeApply,
        ]);
    } else if (offeringIntensity === OfferingIntensity.partTime) {
      hasRestrictionAction =
        await this.studentRestrictionService.hasRestrictionAction(studentId, [
          RestrictionActionType.StopPartTimeApply,
        ]);
    }
    if (hasRestrictionAction) {
      throw new ForbiddenException(
        new ApiProcessError(
          "You have a restriction on your account.",
          ACTIVE_STUDENT_RESTRICTION,
        ),
      );
    }
  }

  /**
   * Process application income verification details.
   * @param craIncomeVerification CRA income verification data.
   * @return processed object.
   */
  processApplicationIncomeVerificationDetails(
    craIncomeVerification: CRAIncomeVerification[],
  ): ApplicationIncomeVerification {
    const incomeVerificationDetails = {} as ApplicationIncomeVerification;
    // Student.
    const [student] = craIncomeVerification.filter(
      (incomeVerification) => !incomeVerification.supportingUser,
    );
    if (student) {
      // Student income verification details.
      incomeVerificationDetails.studentIncomeVerificationStatus =
        !student.dateReceived
          ? SuccessWaitingStatus.Waiting
          : SuccessWaitingStatus.Success;
    }
    // Parent.
    const [parent1, parent2] = craIncomeVerification.filter(
      (incomeVerification) =>
        incomeVerification.supportingUser?.supportingUserType ===
        SupportingUserType.Parent,
    );
    if (parent1) {
      incomeVerificationDetails.parent1IncomeVerificationStatus =
        !parent1.dateReceived
          ? SuccessWaitingStatus.Waiting
          : SuccessWaitingStatus.Success;
    }
    if (parent2) {
      incomeVerificationDetails.parent2IncomeVerificationStatus =
        !parent2.dateReceived
          ? SuccessWaitingStatus.Waiting
          : SuccessWaitingStatus.Success;
    }

    // Partner.
    const [partner] = craIncomeVerification.filter(
      (incomeVerification) =>
        incomeVerification.supportingUser?.supportingUserType ===
        SupportingUserType.Partner,
    );
    // partner income verification details.
    if (partner) {
      incomeVerificationDetails.partnerIncomeVerificationStatus =
        !partner.dateReceived
          ? SuccessWaitingStatus.Waiting
          : SuccessWaitingStatus.Success;
    }
    return incomeVerificationDetails;
  }

  /**
   * Process application supporting user details.
   * @param supportingUsers supporting users data.
   * @return processed object.
   */
  processApplicationSupportingUserDetails(
    supportingUsers: SupportingUser[],
  ): ApplicationIdentifiableSupportingUserDetails {
    const supportingUserDetails =
      {} as ApplicationIdentifiableSupportingUserDetails;
    // Parent.
    const parents = supportingUsers.filter(
      (supportingUser) =>
        supportingUser.supportingUserType === SupportingUserType.Parent,
    );
    if (parents.length) {
      supportingUserDetails.parentsInfo = parents.map((parent) =>
        this.transformToSupportingUserDetails(parent),
      );
    }

    // Partner.
    const partner = supportingUsers.find(
      (supportingUser) =>
        supportingUser.supportingUserType === SupportingUserType.Partner,
    );
    if (partner) {
      supportingUserDetails.partnerInfo =
        this.transformToSupportingUserDetails(partner);
    }

    return supportingUserDetails;
  }

  /**
   * Get application overall details for the given application,
   * including the active application, in-progress change request,
   * and previous versions of the application.
   * @param applicationId application ID.
   * @param options options.
   * - `studentId` student ID used for authorization.
   * - `includeChangeRequest` indicates whether the in-progress change request details should be included in the response.
   * @returns application overall details.
   */
  async getApplicationOverallDetails(
    applicationId: number,
    options?: { studentId?: number; includeChangeRequest: boolean },
  ): Promise<ApplicationOverallDetailsAPIOutDTO> {
    const application = await this.applicationService.getAllApplicationVersions(
      applicationId,
      {
        studentId: options?.studentId,
      },
    );
    if (!application) {
      throw new NotFoundException("Application not found.");
    }
    // Current application, the only one that will not have its main status as 'Edited'.
    const currentApplication =
      this.transformToApplicationOverallDetailsAPIOutDTO(application);
    // Convert all the past versions of the application.
    let previousVersions = application.parentApplication!.versions.map(
      (version) => this.transformToApplicationOverallDetailsAPIOutDTO(version),
    );
    // Check if there is an in-progress change request for the application.
    const inProgressChangeRequest = previousVersions.find((version) =>
      APPLICATION_EDIT_STATUS_IN_PROGRESS_VALUES.includes(
        version.applicationEditStatus,
      ),
    );
    // Remove the in-progress change request from the previous versions list.
    // A maximum of one in-progress change request is allowed.
    if (inProgressChangeRequest) {
      previousVersions = previousVersions.filter(
        (version) => version.id !== inProgressChangeRequest.id,
      );
    }
    return {
      currentApplication,
      inProgressChangeRequest: options?.includeChangeRequest
        ? inProgressChangeRequest
        : undefined,
      previousVersions,
    };
  }

  /**
   * Convert application to the overall details DTO,
   * including supporting users.
   * @param application application to be converted.
   * @returns application overall details DTO.
   */
  private transformToApplicationOverallDetailsAPIOutDTO(
    application: Application,
  ): ApplicationVersionAPIOutDTO {
    return {
      id: application.id,
      submittedDate: application.submittedDate,
      applicationEditStatus: application.applicationEditStatus,
      supportingUsers: application.supportingUsers.map((user) => ({
        supportingUserId: user.id,
        supportingUserType: user.supportingUserType,
        supportingUserFullName: user.fullName,
        isAbleToReport: user.isAbleToReport,
      })),
    };
  }

  /**
   * Convert supporting user to the DTO equivalent.
   * @param supportingUser supporting user to be converted.
   * @returns supporting user details DTO.
   */
  private transformToSupportingUserDetails(
    supportingUser: SupportingUser,
  ): SupportingUserDetails {
    return {
      supportingUserId: supportingUser.id,
      fullName: supportingUser.fullName,
      status: supportingUser.supportingData
        ? SuccessWaitingStatus.Success
        : SuccessWaitingStatus.Waiting,
      isAbleToReport: supportingUser.isAbleToReport,
    };
  }

  /**
   * Validate the application submission and get the validated result.
   * @param applicationId application ID.
   * @param studentId student used for authorization.
   * @param payload payload to create the application.
   * @param options application submission options.
   * - `isChangeRequestSubmission` indicates if the submission is for a change request.
   * @returns validated application data.
   */
  async validateApplicationSubmission(
    applicationId: number,
    studentId: number,
    payload: SaveApplicationAPIInDTO,
    options?: { isChangeRequestSubmission?: boolean },
  ): Promise<ApplicationData> {
    const application =
      await this.applicationService.getApplicationForSubmissionValidation(
        applicationId,
        studentId,
      );
    if (!application) {
      throw new NotFoundException("Application not found.");
    }
    if (!application.programYear.active) {
      throw new UnprocessableEntityException("Program year is not active.");
    }
    if (
      !application.programYear.offeringIntensity.includes(
        application.offeringIntensity,
      )
    ) {
      throw new UnprocessableEntityException(
        "Offering intensity not allowed for the program year.",
      );
    }
    // Validate the values in the submitted application before submitting.
    await this.validateSubmitApplicationData(payload, application, options);
    const formName = this.getStudentApplicationFormName(
      application.programYear.id,
      application.offeringIntensity,
    );
    const submissionResult =
      await this.formService.dryRunSubmission<ApplicationData>(
        formName,
        payload.data,
      );
    if (!submissionResult.valid) {
      throw new BadRequestException(
        "Not able to create an application due to an invalid request.",
      );
    }
    await this.offeringIntensityRestrictionCheck(
      studentId,
      application.offeringIntensity,
    );
    return submissionResult.data.data;
  }

  /**
   * Validates and updates the payload values with the offering values (where the server is the source of truth) before submitting.
   * This is required to the values in the payload to be the same as the values in the offering and to prevent the user from modifying them.
   * @param payload payload to create the application.
   * @param application application details for validation.
   * @param options application submission options.
   * - `isChangeRequestSubmission` indicates if the submission is for a change request.
   */
  private async validateSubmitApplicationData(
    payload: SaveApplicationAPIInDTO,
    application: Application,
    options?: { isChangeRequestSubmission?: boolean },
  ): Promise<void> {
    const offeringIntensity = application.offeringIntensity;
    if (offeringIntensity === OfferingIntensity.fullTime) {
      await this.validateFullTimeAccess(
        application.student.user.lastName,
        application.student.user.firstName,
      );
    }
    // For program years still relying on the form.io variable howWillYouBeAttendingTheProgram
    // to determine the offering intensity, we need to set the value in the payload
    // to the offering intensity value from the database.
    // TODO: Remove this once the program year 2024-2025 is no longer active.
    payload.data.howWillYouBeAttendingTheProgram = offeringIntensity;
    // Inject the program year start and end dates into the payload.
    payload.data.programYearStartDate = application.programYear.startDate;
    payload.data.programYearEndDate = application.programYear.endDate;

    // studyStartDate from payload is set as studyStartDate
    let studyStartDate = payload.data.studystartDate;
    let studyEndDate = payload.data.studyendDate;
    if (payload.data.selectedOffering) {
      const offering = await this.offeringService.getOfferingById(
        payload.data.selectedOffering,
        { programId: payload.data.selectedProgram },
      );
      if (!offering) {
        throw new UnprocessableEntityException(
          "Selected offering id is invalid.",
        );
      }
      if (!offering.educationProgram.isActive) {
        throw new UnprocessableEntityException(
          "The education program is not active.",
        );
      }
      if (offering.educationProgram.isExpired) {
        throw new UnprocessableEntityException(
          "The education program is expired.",
        );
      }
      if (offering.offeringIntensity !== offeringIntensity) {
        throw new UnprocessableEntityException(
          "The intensity of the selected offering does not match with the application's offering intensity.",
        );
      }
      // if  studyStartDate is not in payload
      // then selectedOffering will be there in payload,
      // then study start date taken from offering
      studyStartDate = offering.studyStartDate;
      studyEndDate = offering.studyEndDate;
      // This ensures that if an offering is selected in student application,
      // then the study start date and study end date present in form submission payload
      // belongs to the selected offering and hence prevents these dates being modified in the
      // middle before coming to API.
      payload.data.selectedOfferingDate = studyStartDate;
      payload.data.selectedOfferingEndDate = studyEndDate;
    }
    // Inject the indicator for change request submission.
    payload.data.isChangeRequestApplication =
      options?.isChangeRequestSubmission ?? false;
  }

  /**
   * Execute the temporary validation for full-time draft or application to be saved.
   * @param lastName students' last name.
   * @param firstName students' first name.
   * @throws {UnprocessableEntityException} if full-time submission is not allowed.
   * @throws {ForbiddenException} if the user is not authorized to submit a full-time application.
   */
  async validateFullTimeAccess(
    lastName: string,
    firstName?: string,
  ): Promise<void> {
    const isFulltimeAllowed = this.configService.isFulltimeAllowed;
    if (!isFulltimeAllowed) {
      throw new UnprocessableEntityException("Invalid offering intensity.");
    }
    const hasFulltimeAccess =
      await this.userService.isUserAuthorizedForFulltime(lastName, firstName);
    if (!hasFulltimeAccess) {
      throw new ForbiddenException(
        "User is not allowed to submit a full-time application.",
      );
    }
  }

  /**
   * Get the name of the student application form definition.
   * @param programYearId program year ID.
   * @param offeringIntensity offering intensity.
   * @throws {UnprocessableEntityException} if dynamic form configuration not found.
   * @returns student application form name.
   */
  getStudentApplicationFormName(
    programYearId: number,
    offeringIntensity: OfferingIntensity,
  ): string {
    const formName = this.dynamicFormConfigurationService.getDynamicFormName(
      DynamicFormType.StudentFinancialAidApplication,
      { programYearId, offeringIntensity },
    );
    if (!formName) {
      throw new UnprocessableEntityException(
        `Dynamic form configuration for ${DynamicFormType.StudentFinancialAidApplication} not found.`,
      );
    }
    return formName;
  }

  /**
   * Builds the eCert failed validations info.
   * @param failedValidations eCert failed validations.
   * @returns eCert failed validations information.
   */
  buildECertFailedValidationsInfo(
    failedValidations: ReadonlyArray<ECertFailedValidationResult>,
  ): ECertFailedValidationsInfoAPIOutDTO | undefined {
    if (!failedValidations.length) {
      return undefined;
    }
    const hasEffectiveAviationRestriction = failedValidations.some(
      (failedValidation) =>
        failedValidation.resultType ===
          ECertFailedValidation.HasStopDisbursementRestriction &&
        failedValidation.additionalInfo.restrictions.some((restriction) =>
          AVIATION_RESTRICTION_CODES.includes(
            restriction.code as RestrictionCode,
          ),
        ),
    );
    return { hasEffectiveAviationRestriction };
  }
}
