import { HttpStatus, INestApplication } from "@nestjs/common";
import { TestingModule } from "@nestjs/testing";
import request from "supertest";
import { ArrayContains, DataSource, IsNull } from "typeorm";
import {
  BEARER_AUTH_TYPE,
  createTestingAppModule,
  FakeStudentUsersTypes,
  getStudentToken,
  mockUserLoginInfo,
} from "../../../../testHelpers";
import {
  saveFakeApplicationDisbursements,
  createE2EDataSources,
  E2EDataSources,
  saveFakeStudentRestriction,
  createFakeMSFAANumber,
  MSFAAStates,
  saveFakeStudent,
  createFakeDisbursementValue,
  saveFakeApplication,
  RestrictionCode,
  saveFakeInstitutionRestriction,
} from "@sims/test-utils";
import {
  ApplicationStatus,
  COEStatus,
  DisabilityStatus,
  DisbursementScheduleStatus,
  DisbursementValueType,
  OfferingIntensity,
  RestrictionActionType,
  RestrictionType,
} from "@sims/sims-db";
import { getISODateOnlyString } from "@sims/utilities";
import { ECertFailedValidation } from "@sims/integrations/services/disbursement-schedule/disbursement-schedule.models";

describe("ApplicationStudentsController(e2e)-getApplicationWarnings", () => {
  let app: INestApplication;
  let appModule: TestingModule;
  let appDataSource: DataSource;
  let db: E2EDataSources;

  beforeAll(async () => {
    const { nestApplication, module, dataSource } =
      await createTestingAppModule();
    app = nestApplication;
    appModule = module;
    appDataSource = dataSource;
    db = createE2EDataSources(dataSource);
  });

  it("Should still return when application is not in 'Completed' status.", async () => {
    // Arrange
    const application = await saveFakeApplicationDisbursements(
      appDataSource,
      undefined,
      { createSecondDisbursement: true },
    );
    // Mock user services to return the saved student.
    await mockUserLoginInfo(appModule, application.student);
    const endpoint = `/students/application/${application.id}/warnings`;
    const token = await getStudentToken(
      FakeStudentUsersTypes.FakeStudentUserType1,
    );
    // Act/Assert
    await request(app.getHttpServer())
      .get(endpoint)
      .auth(token, BEARER_AUTH_TYPE)
      .expect(HttpStatus.OK)
      .expect({
        eCertFailedValidations: [],
        canAcceptAssessment: true,
        acceptAssessmentRestrictions: [],
      });
  });

  it(
    "Should return a failed ecert validations array with disability status not confirmed when " +
      "the calculated PDPPD status is true and the student's disability status is permanent disability and the offering intensity is part time.",
    async () => {
      // Arrange
      const student = await saveFakeStudent(db.dataSource, undefined, {
        initialValue: {
          disabilityStatus: DisabilityStatus.Requested,
        },
      });
      const msfaaNumber = createFakeMSFAANumber(
        {
          student,
        },
        {
          msfaaState: MSFAAStates.Signed,
        },
      );
      await db.msfaaNumber.save(msfaaNumber);

      // Mock user services to return the saved student.
      await mockUserLoginInfo(appModule, student);

      const application = await saveFakeApplicationDisbursements(
        appDataSource,
        {
          student,
          msfaaNumber,
        },
        {
          applicationStatus: ApplicationStatus.Completed,
          offeringIntensity: OfferingIntensity.partTime,
          firstDisbursementInitialValues: {
            coeStatus: COEStatus.completed,
            disbursementScheduleStatus: DisbursementScheduleStatus.Pending,
          },
        },
      );

      application.currentAssessment.workflowData.calculatedData.pdppdStatus = true;
      await db.studentAssessment.save(application.currentAssessment);

      const endpoint = `/students/application/${application.id}/warnings`;
      const token = await getStudentToken(
        FakeStudentUsersTypes.FakeStudentUserType1,
      );

      // Act/Assert
      await request(app.getHttpServer())
        .get(endpoint)
        .auth(token, BEARER_AUTH_TYPE)
        .expect(HttpStatus.OK)
        .expect({
          eCertFailedValidations: [
            ECertFailedValidation.DisabilityStatusNotConfirmed,
          ],
          canAcceptAssessment: false,
          eCertFailedValidationsInfo: {
            hasEffectiveAviationRestriction: false,
          },
          acceptAssessmentRestrictions: [],
        });
    },
  );

  it(
    "Should return a failed ecert validations array with MSFAA not signed, cancelled and not valid when " +
      "the the MSFAA number is not signed and there is a cancelled date and the offering intensity is part time.",
    async () => {
      // Arrange
      const student = await saveFakeStudent(db.dataSource);
      const msfaaNumber = createFakeMSFAANumber(
        {
          student,
        },
        {
          msfaaState: MSFAAStates.Pending | MSFAAStates.CancelledOtherProvince,
        },
      );
      await db.msfaaNumber.save(msfaaNumber);

      // Mock user services to return the saved student.
      await mockUserLoginInfo(appModule, student);

      const application = await saveFakeApplicationDisbursements(
        appDataSource,
        { student, msfaaNumber },
        {
          applicationStatus: ApplicationStatus.Completed,
          offeringIntensity: OfferingIntensity.partTime,
          firstDisbursementInitialValues: {
            coeStatus: COEStatus.completed,
            disbursementScheduleStatus: DisbursementScheduleStatus.Pending,
          },
        },
      );

      msfaaNumber.cancelledDate = getISODateOnlyString(new Date());
      await db.msfaaNumber.save(msfaaNumber);

      const endpoint = `/students/application/${application.id}/warnings`;
      const token = await getStudentToken(
        FakeStudentUsersTypes.FakeStudentUserType1,
      );

      // Act/Assert
      await request(app.getHttpServer())
        .get(endpoint)
        .auth(token, BEARER_AUTH_TYPE)
        .expect(HttpStatus.OK)
        .expect({
          eCertFailedValidations: [
            ECertFailedValidation.MSFAACanceled,
            ECertFailedValidation.MSFAANotSigned,
          ],
          canAcceptAssessment: false,
          eCertFailedValidationsInfo: {
            hasEffectiveAviationRestriction: false,
          },
          acceptAssessmentRestrictions: [],
        });
    },
  );

  it(
    "Should return a failed ecert validations array with stop disbursement restriction when " +
      "there are restrictions associated with the current student and the offering intensity is part time.",
    async () => {
      // Arrange
      const student = await saveFakeStudent(db.dataSource);
      const msfaaNumber = createFakeMSFAANumber(
        {
          student,
        },
        {
          msfaaState: MSFAAStates.Signed,
        },
      );
      await db.msfaaNumber.save(msfaaNumber);

      // Mock user services to return the saved student.
      await mockUserLoginInfo(appModule, student);

      const application = await saveFakeApplicationDisbursements(
        appDataSource,
        { student, msfaaNumber },
        {
          applicationStatus: ApplicationStatus.Completed,
          offeringIntensity: OfferingIntensity.partTime,
          firstDisbursementInitialValues: {
            coeStatus: COEStatus.completed,
            disbursementScheduleStatus: DisbursementScheduleStatus.Pending,
          },
        },
      );

      const restriction = await db.restriction.findOne({
        select: { id: true },
        where: {
          actionType: ArrayContains([
            RestrictionActionType.StopPartTimeDisbursement,
          ]),
          actionEffectiveConditions: IsNull(),
        },
      });
      await saveFakeStudentRestriction(db.dataSource, {
        student,
        application,
        restriction,
      });

      const endpoint = `/students/application/${application.id}/warnings`;
      const token = await getStudentToken(
        FakeStudentUsersTypes.FakeStudentUserType1,
      );

      // Act/Assert
      await request(app.getHttpServer())
        .get(endpoint)
        .auth(token, BEARER_AUTH_TYPE)
        .expect(HttpStatus.OK)
        .expect({
          eCertFailedValidations: [
            ECertFailedValidation.HasStopDisbursementRestriction,
          ],
          canAcceptAssessment: false,
          eCertFailedValidationsInfo: {
            hasEffectiveAviationRestriction: false,
          },
          acceptAssessmentRestrictions: [],
        });
    },
  );

  it(
    "Should return a failed ecert validations array with stop disbursement institution restriction when" +
      " there is an effective restriction on institution account for the application location and program" +
      " and the offering intensity is part-time.",
    async () => {
      // Arrange
      const student = await saveFakeStudent(db.dataSource);
      const msfaaNumber = createFakeMSFAANumber(
        {
          student,
        },
        {
          msfaaState: MSFAAStates.Signed,
          msfaaInitialValues: {
            offeringIntensity: OfferingIntensity.partTime,
          },
        },
      );
      await db.msfaaNumber.save(msfaaNumber);

      // Mock user services to return the saved student.
      await mockUserLoginInfo(appModule, student);

      const application = await saveFakeApplicationDisbursements(
        appDataSource,
        { student, msfaaNumber },
        {
          applicationStatus: ApplicationStatus.Completed,
          offeringIntensity: OfferingIntensity.partTime,
          firstDisbursementInitialValues: {
            coeStatus: COEStatus.completed,
            disbursementScheduleStatus: DisbursementScheduleStatus.Pending,
          },
        },
      );

      // Institution restriction.
      const restriction = await db.restriction.findOne({
        select: { id: true },
        where: {
          restrictionType: RestrictionType.Institution,
          actionType: ArrayContains([
            RestrictionActionType.StopPartTimeDisbursement,
          ]),
        },
      });
      const location =
        application.currentAssessment.offering.institutionLocation;
      const program = application.currentAssessment.offering.educationProgram;
      const institution =
        application.currentAssessment.offering.institutionLocation.institution;
      await saveFakeInstitutionRestriction(db, {
        restriction,
        institution,
        location,
        program,
      });

      const endpoint = `/students/application/${application.id}/warnings`;
      const token = await getStudentToken(
        FakeStudentUsersTypes.FakeStudentUserType1,
      );

      // Act/Assert
      await request(app.getHttpServer())
        .get(endpoint)
        .auth(token, BEARER_AUTH_TYPE)
        .expect(HttpStatus.OK)
        .expect({
          eCertFailedValidations: [
            ECertFailedValidation.HasStopDisbursementInstitutionRestriction,
          ],
          canAcceptAssessment: false,
          eCertFailedValidationsInfo: {
            hasEffectiveAviationRestriction: false,
          },
          acceptAssessmentRestrictions: [],
        });
    },
  );

  it("Should return an institution restriction and prevent the assessment acceptance when there is an effective restriction on institution with an action to Stop accept assessment.", async () => {
    // Arrange
    const student = await saveFakeStudent(db.dataSource);
    const msfaaNumber = createFakeMSFAANumber(
      {
        student,
      },
      {
        msfaaState: MSFAAStates.Signed,
        msfaaInitialValues: {
          offeringIntensity: OfferingIntensity.fullTime,
        },
      },
    );
    await db.msfaaNumber.save(msfaaNumber);

    // Mock user services to return the saved student.
    await mockUserLoginInfo(appModule, student);

    const application = await saveFakeApplicationDisbursements(
      appDataSource,
      { student, msfaaNumber },
      {
        applicationStatus: ApplicationStatus.Assessment,
        offeringIntensity: OfferingIntensity.fullTime,
        firstDisbursementInitialValues: {
          coeStatus: COEStatus.completed,
          disbursementScheduleStatus: DisbursementScheduleStatus.Pending,
        },
      },
    );
    // Institution restriction.
    const restriction = await db.restriction.findOne({
      select: { id: true, restrictionCode: true },
      where: {
        restrictionType: RestrictionType.Institution,
        actionType: ArrayContains([
          RestrictionActionType.StopFullTimeAcceptAssessment,
        ]),
      },
    });
    const institution =
      application.currentAssessment.offering.institutionLocation.institution;
    await saveFakeInstitutionRestriction(db, {
      restriction,
      institution,
    });

    const endpoint = `/students/application/${application.id}/warnings`;
    const token = await getStudentToken(
      FakeStudentUsersTypes.FakeStudentUserType1,
    );

    // Act/Assert
    await request(app.getHttpServer())
      .get(endpoint)
      .auth(token, BEARER_AUTH_TYPE)
      .expect(HttpStatus.OK)
      .expect({
        canAcceptAssessment: false,
        eCertFailedValidations: [],
        acceptAssessmentRestrictions: [
          {
            code: restriction.restrictionCode,
            message:
              "Your assessment cannot be accepted at this time because the institution associated with your application is currently under review.",
          },
        ],
      });
  });

  it("Should return a failed ecert validations array with no estimated award amounts when no disbursements values are present.", async () => {
    // Arrange
    const student = await saveFakeStudent(db.dataSource);
    const msfaaNumber = createFakeMSFAANumber(
      {
        student,
      },
      {
        msfaaState: MSFAAStates.Signed,
      },
    );
    await db.msfaaNumber.save(msfaaNumber);

    // Mock user services to return the saved student.
    await mockUserLoginInfo(appModule, student);

    const application = await saveFakeApplicationDisbursements(
      appDataSource,
      { student, msfaaNumber, firstDisbursementValues: [] },
      {
        applicationStatus: ApplicationStatus.Completed,
        offeringIntensity: OfferingIntensity.partTime,
        firstDisbursementInitialValues: {
          coeStatus: COEStatus.completed,
          disbursementScheduleStatus: DisbursementScheduleStatus.Pending,
          hasEstimatedAwards: false,
        },
      },
    );

    const endpoint = `/students/application/${application.id}/warnings`;
    const token = await getStudentToken(
      FakeStudentUsersTypes.FakeStudentUserType1,
    );

    // Act/Assert
    await request(app.getHttpServer())
      .get(endpoint)
      .auth(token, BEARER_AUTH_TYPE)
      .expect(HttpStatus.OK)
      .expect({
        eCertFailedValidations: [ECertFailedValidation.NoEstimatedAwardAmounts],
        canAcceptAssessment: false,
        eCertFailedValidationsInfo: { hasEffectiveAviationRestriction: false },
        acceptAssessmentRestrictions: [],
      });
  });

  it(
    "Should return a failed ecert validations array with no estimated award amounts when " +
      "disbursement values are present but the disbursements don't have estimated awards.",
    async () => {
      // Arrange
      const student = await saveFakeStudent(db.dataSource);
      const msfaaNumber = createFakeMSFAANumber(
        {
          student,
        },
        {
          msfaaState: MSFAAStates.Signed,
        },
      );
      await db.msfaaNumber.save(msfaaNumber);

      // Mock user services to return the saved student.
      await mockUserLoginInfo(appModule, student);

      const application = await saveFakeApplicationDisbursements(
        appDataSource,
        {
          student,
          msfaaNumber,
          firstDisbursementValues: [
            createFakeDisbursementValue(
              DisbursementValueType.CanadaLoan,
              "CSLP",
              0,
            ),
            createFakeDisbursementValue(
              DisbursementValueType.BCGrant,
              "BCAG",
              0,
            ),
          ],
        },
        {
          applicationStatus: ApplicationStatus.Completed,
          offeringIntensity: OfferingIntensity.partTime,
          firstDisbursementInitialValues: {
            coeStatus: COEStatus.completed,
            disbursementScheduleStatus: DisbursementScheduleStatus.Pending,
            hasEstimatedAwards: false,
          },
        },
      );

      const endpoint = `/students/application/${application.id}/warnings`;
      const token = await getStudentToken(
        FakeStudentUsersTypes.FakeStudentUserType1,
      );

      // Act/Assert
      await request(app.getHttpServer())
        .get(endpoint)
        .auth(token, BEARER_AUTH_TYPE)
        .expect(HttpStatus.OK)
        .expect({
          eCertFailedValidations: [
            ECertFailedValidation.NoEstimatedAwardAmounts,
          ],
          canAcceptAssessment: false,
          eCertFailedValidationsInfo: {
            hasEffectiveAviationRestriction: false,
          },
          acceptAssessmentRestrictions: [],
        });
    },
  );

  it(
    "Should return e-cert failed validation results having stop disbursement restriction and indicating effective aviation restriction" +
      " in the validations info when the application is for aviation credential type 'commercialPilotTraining'" +
      ` and the student has active restriction ${RestrictionCode.AVCP}.`,
    async () => {
      // Arrange
      const aviationCredentialType = "commercialPilotTraining";
      const student = await saveFakeStudent(db.dataSource);
      const msfaaNumber = createFakeMSFAANumber(
        {
          student,
        },
        {
          msfaaState: MSFAAStates.Signed,
        },
      );
      await db.msfaaNumber.save(msfaaNumber);

      // Mock user services to return the saved student.
      await mockUserLoginInfo(appModule, student);

      // Application for aviation credential type 'commercialPilotTraining'.
      const application = await saveFakeApplicationDisbursements(
        appDataSource,
        { student, msfaaNumber },
        {
          applicationStatus: ApplicationStatus.Completed,
          offeringIntensity: OfferingIntensity.partTime,
          firstDisbursementInitialValues: {
            coeStatus: COEStatus.completed,
            disbursementScheduleStatus: DisbursementScheduleStatus.Pending,
          },
          offeringInitialValues: {
            isAviationOffering: "yes",
            aviationCredentialType,
          },
        },
      );
      // Adding restriction for aviation credential type 'commercialPilotTraining'.
      const restriction = await db.restriction.findOne({
        select: { id: true },
        where: {
          restrictionCode: RestrictionCode.AVCP,
        },
      });

      await saveFakeStudentRestriction(db.dataSource, {
        student,
        application,
        restriction,
      });

      const endpoint = `/students/application/${application.id}/warnings`;
      const token = await getStudentToken(
        FakeStudentUsersTypes.FakeStudentUserType1,
      );

      // Act/Assert
      await request(app.getHttpServer())
        .get(endpoint)
        .auth(token, BEARER_AUTH_TYPE)
        .expect(HttpStatus.OK)
        .expect({
          eCertFailedValidations: [
            ECertFailedValidation.HasStopDisbursementRestriction,
          ],
          canAcceptAssessment: false,
          eCertFailedValidationsInfo: {
            hasEffectiveAviationRestriction: true,
          },
          acceptAssessmentRestrictions: [],
        });
    },
  );

  it("Should throw a not found error when the application is not associated with the student.", async () => {
    // Arrange
    const application = await saveFakeApplication(appDataSource);
    const endpoint = `/students/application/${application.id}/warnings`;
    const token = await getStudentToken(
      FakeStudentUsersTypes.FakeStudentUserType1,
    );

    // Act/Assert
    await request(app.getHttpServer())
      .get(endpoint)
      .auth(token, BEARER_AUTH_TYPE)
      .expect(HttpStatus.NOT_FOUND)
      .expect({
        statusCode: HttpStatus.NOT_FOUND,
        message:
          "Applications does not exists or the student does not have access to it.",
        error: "Not Found",
      });
  });

  afterAll(async () => {
    await app?.close();
  });
});
