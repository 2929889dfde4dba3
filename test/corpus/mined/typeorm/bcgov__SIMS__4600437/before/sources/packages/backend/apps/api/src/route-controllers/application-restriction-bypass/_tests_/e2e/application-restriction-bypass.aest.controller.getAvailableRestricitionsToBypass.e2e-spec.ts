import { HttpStatus, INestApplication } from "@nestjs/common";
import {
  E2EDataSources,
  RestrictionCode,
  createE2EDataSources,
  createFakeRestriction,
  createFakeUser,
  saveFakeApplication,
  saveFakeApplicationRestrictionBypass,
  saveFakeInstitutionRestriction,
  saveFakeStudentRestriction,
} from "@sims/test-utils";
import {
  AESTGroups,
  BEARER_AUTH_TYPE,
  createTestingAppModule,
  getAESTToken,
} from "../../../../testHelpers";
import request from "supertest";
import {
  OfferingIntensity,
  RestrictionActionType,
  RestrictionType,
  User,
} from "@sims/sims-db";
import { RestrictedParty } from "@sims/services";

describe("ApplicationRestrictionBypassAESTController(e2e)-getAvailableRestrictionsToBypass.", () => {
  let app: INestApplication;
  let db: E2EDataSources;
  let sharedMinistryUser: User;

  beforeAll(async () => {
    const { nestApplication, dataSource } = await createTestingAppModule();
    app = nestApplication;
    db = createE2EDataSources(dataSource);
    sharedMinistryUser = await db.user.save(createFakeUser());
  });

  it("Should list all the active restrictions and not the ones already bypassed for a part-time application when there are some restrictions bypassed and some others not.", async () => {
    // Arrange
    const application = await saveFakeApplication(db.dataSource, undefined, {
      offeringIntensity: OfferingIntensity.partTime,
    });

    // Add a student restriction bypassed that should be not available to be bypassed again.
    await saveFakeApplicationRestrictionBypass(
      db,
      {
        application,
        bypassCreatedBy: sharedMinistryUser,
        creator: sharedMinistryUser,
      },
      {
        restrictionActionType: RestrictionActionType.StopPartTimeDisbursement,
        restrictionCode: RestrictionCode.PTSSR,
      },
    );

    // Add an institution restriction such that it is not available for bypass.
    const newInstitutionRestriction = createFakeRestriction({
      initialValues: {
        restrictionCode: "YYY",
        restrictionType: RestrictionType.Institution,
      },
    });
    const savedInstitutionRestriction = await db.restriction.save(
      newInstitutionRestriction,
    );
    const savedInstitutionRestrictionForBypass =
      await saveFakeInstitutionRestriction(db, {
        institution:
          application.currentAssessment.offering.institutionLocation
            .institution,
        restriction: savedInstitutionRestriction,
        program: application.currentAssessment.offering.educationProgram,
        location: application.currentAssessment.offering.institutionLocation,
      });
    await saveFakeApplicationRestrictionBypass(db, {
      application,
      bypassCreatedBy: sharedMinistryUser,
      creator: sharedMinistryUser,
      institutionRestriction: savedInstitutionRestrictionForBypass,
    });

    // Add a student restriction that should be available to be bypassed because the student restriction is a different one than the student restriction bypassed above.
    const ptssrRestriction = await db.restriction.findOne({
      where: { restrictionCode: RestrictionCode.PTSSR },
    });
    const ptssrStudentRestriction = await saveFakeStudentRestriction(
      db.dataSource,
      {
        student: application.student,
        restriction: ptssrRestriction,
      },
    );

    // Add an institution restriction that should be available for bypass.
    const susRestriction = await db.restriction.findOne({
      where: { restrictionCode: RestrictionCode.SUS },
    });
    const institutionRestriction = await saveFakeInstitutionRestriction(db, {
      institution:
        application.currentAssessment.offering.institutionLocation.institution,
      restriction: susRestriction,
      program: application.currentAssessment.offering.educationProgram,
      location: application.currentAssessment.offering.institutionLocation,
    });

    // Add a student restriction bypassed that was removed. In other words, it is no longer active and the student restriction should be available to be bypassed again.
    const removedApplicationRestrictionsBypass =
      await saveFakeApplicationRestrictionBypass(
        db,
        {
          application,
          bypassCreatedBy: sharedMinistryUser,
          bypassRemovedBy: sharedMinistryUser,
          creator: sharedMinistryUser,
        },
        {
          restrictionActionType: RestrictionActionType.StopPartTimeDisbursement,
          restrictionCode: RestrictionCode.AF,
          isRemoved: true,
        },
      );

    // Add an institution restriction bypass that was removed. In other words, it is no longer active and the institution restriction should be available to be bypassed again.
    const secondNewInstitutionRestriction = createFakeRestriction({
      initialValues: {
        restrictionCode: "ZZZ",
        restrictionType: RestrictionType.Institution,
        actionType: [RestrictionActionType.StopPartTimeDisbursement],
      },
    });
    const secondSavedInstitutionRestriction = await db.restriction.save(
      secondNewInstitutionRestriction,
    );
    const secondSavedInstitutionRestrictionBypass =
      await saveFakeInstitutionRestriction(db, {
        institution:
          application.currentAssessment.offering.institutionLocation
            .institution,
        restriction: secondSavedInstitutionRestriction,
        program: application.currentAssessment.offering.educationProgram,
        location: application.currentAssessment.offering.institutionLocation,
      });
    const removedInstitutionRestrictionBypass =
      await saveFakeApplicationRestrictionBypass(
        db,
        {
          application,
          bypassCreatedBy: sharedMinistryUser,
          bypassRemovedBy: sharedMinistryUser,
          creator: sharedMinistryUser,
          institutionRestriction: secondSavedInstitutionRestrictionBypass,
        },
        {
          isRemoved: true,
        },
      );

    // Add a student restriction that should be available to be bypassed because the restriction has an action type "Stop part time BC funding".
    const b6aRestriction = await db.restriction.findOne({
      where: { restrictionCode: RestrictionCode.B6A },
    });
    const stopPartTimeBCFundingStudentRestriction =
      await saveFakeStudentRestriction(db.dataSource, {
        student: application.student,
        restriction: b6aRestriction,
      });

    // Add a student restriction that should not be available to be bypassed because the restriction doesn't have an action type "Stop part time disbursement".
    const b6bRestriction = await db.restriction.findOne({
      where: { restrictionCode: RestrictionCode.B6B },
    });
    await saveFakeStudentRestriction(db.dataSource, {
      student: application.student,
      restriction: b6bRestriction,
    });

    // Add a student restriction that should not be available to be bypassed because the student restriction is not active.
    const af4Restriction = await db.restriction.findOne({
      where: { restrictionCode: RestrictionCode.AF4 },
    });
    await saveFakeStudentRestriction(
      db.dataSource,
      {
        student: application.student,
        restriction: af4Restriction,
      },
      {
        isActive: false,
      },
    );

    // Add a student restriction that should be available to be bypassed because the restriction has an action type "Stop part time disbursement".
    const ecrsRestriction = await db.restriction.findOne({
      where: { restrictionCode: RestrictionCode.ECRS },
    });
    const stopPartTimeDisbursementStudentRestriction =
      await saveFakeStudentRestriction(db.dataSource, {
        student: application.student,
        restriction: ecrsRestriction,
      });

    const endpoint = `/aest/application-restriction-bypass/application/${application.id}/options-list`;
    const token = await getAESTToken(AESTGroups.BusinessAdministrators);

    // Act/Assert
    await request(app.getHttpServer())
      .get(endpoint)
      .auth(token, BEARER_AUTH_TYPE)
      .expect(HttpStatus.OK)
      .expect({
        availableRestrictionsToBypass: [
          {
            restrictionId:
              removedApplicationRestrictionsBypass.studentRestriction.id,
            restrictionCode:
              removedApplicationRestrictionsBypass.studentRestriction
                .restriction.restrictionCode,
            restrictionCreatedAt:
              removedApplicationRestrictionsBypass.studentRestriction.createdAt.toISOString(),
            restrictedParty: RestrictedParty.Student,
          },
          {
            restrictionId: stopPartTimeBCFundingStudentRestriction.id,
            restrictionCode: b6aRestriction.restrictionCode,
            restrictionCreatedAt:
              stopPartTimeBCFundingStudentRestriction.createdAt.toISOString(),
            restrictedParty: RestrictedParty.Student,
          },
          {
            restrictionId: stopPartTimeDisbursementStudentRestriction.id,
            restrictionCode: ecrsRestriction.restrictionCode,
            restrictionCreatedAt:
              stopPartTimeDisbursementStudentRestriction.createdAt.toISOString(),
            restrictedParty: RestrictedParty.Student,
          },
          {
            restrictionId: ptssrStudentRestriction.id,
            restrictionCode: ptssrRestriction.restrictionCode,
            restrictionCreatedAt:
              ptssrStudentRestriction.createdAt.toISOString(),
            restrictedParty: RestrictedParty.Student,
          },
          {
            restrictionId: institutionRestriction.id,
            restrictionCode: institutionRestriction.restriction.restrictionCode,
            restrictionCreatedAt:
              institutionRestriction.createdAt.toISOString(),
            restrictedParty: RestrictedParty.Institution,
          },
          {
            restrictionId:
              removedInstitutionRestrictionBypass.institutionRestriction.id,
            restrictionCode:
              removedInstitutionRestrictionBypass.institutionRestriction
                .restriction.restrictionCode,
            restrictionCreatedAt:
              removedInstitutionRestrictionBypass.institutionRestriction.createdAt.toISOString(),
            restrictedParty: RestrictedParty.Institution,
          },
        ],
      });
  });

  it("Should list all student active restrictions for a full-time application when there is one restriction bypassed and others not.", async () => {
    // Arrange
    const application = await saveFakeApplication(db.dataSource, undefined, {
      offeringIntensity: OfferingIntensity.fullTime,
    });

    // Add a student restriction bypassed that should be not available to be bypassed again.
    await saveFakeApplicationRestrictionBypass(
      db,
      {
        application,
        bypassCreatedBy: sharedMinistryUser,
        creator: sharedMinistryUser,
      },
      {
        restrictionActionType: RestrictionActionType.StopFullTimeDisbursement,
        restrictionCode: RestrictionCode.AF,
      },
    );

    // Add a student restriction bypassed that was removed. In other words, it is no longer active and the student restriction should be available to be bypassed again.
    const removedApplicationRestrictionsBypass =
      await saveFakeApplicationRestrictionBypass(
        db,
        {
          application,
          bypassCreatedBy: sharedMinistryUser,
          bypassRemovedBy: sharedMinistryUser,
          creator: sharedMinistryUser,
        },
        {
          restrictionActionType: RestrictionActionType.StopFullTimeDisbursement,
          restrictionCode: RestrictionCode.AF4,
          isRemoved: true,
        },
      );

    const b6bRestriction = await db.restriction.findOne({
      where: { restrictionCode: RestrictionCode.B6B },
    });
    // Add a student restriction that should not be available to be bypassed because the restriction doesn't have an action type "Stop full time disbursement" nor "Stop full time BC funding".
    await saveFakeStudentRestriction(db.dataSource, {
      student: application.student,
      restriction: b6bRestriction,
    });

    // Add a restriction that should be available to be bypassed because the restriction has an action type "Stop full time disbursement".
    const ssrRestriction = await db.restriction.findOne({
      where: { restrictionCode: RestrictionCode.SSR },
    });
    const stopFullTimeStudentRestriction = await saveFakeStudentRestriction(
      db.dataSource,
      {
        student: application.student,
        restriction: ssrRestriction,
      },
    );

    const stopFullTimeBCFundingRestriction = await db.restriction.findOne({
      where: { restrictionCode: RestrictionCode.BCLM },
    });
    // Add a student restriction that should be available to be bypassed because the restriction has an action type "Stop full time BC funding".
    const stopFullTimeBCFundingStudentRestriction =
      await saveFakeStudentRestriction(db.dataSource, {
        student: application.student,
        restriction: stopFullTimeBCFundingRestriction,
      });

    const endpoint = `/aest/application-restriction-bypass/application/${application.id}/options-list`;
    const token = await getAESTToken(AESTGroups.BusinessAdministrators);

    // Act/Assert
    await request(app.getHttpServer())
      .get(endpoint)
      .auth(token, BEARER_AUTH_TYPE)
      .expect(HttpStatus.OK)
      .expect({
        availableRestrictionsToBypass: [
          {
            restrictionId:
              removedApplicationRestrictionsBypass.studentRestriction.id,
            restrictionCode:
              removedApplicationRestrictionsBypass.studentRestriction
                .restriction.restrictionCode,
            restrictionCreatedAt:
              removedApplicationRestrictionsBypass.studentRestriction.createdAt.toISOString(),
            restrictedParty: RestrictedParty.Student,
          },
          {
            restrictionId: stopFullTimeBCFundingStudentRestriction.id,
            restrictionCode: stopFullTimeBCFundingRestriction.restrictionCode,
            restrictionCreatedAt:
              stopFullTimeBCFundingStudentRestriction.createdAt.toISOString(),
            restrictedParty: RestrictedParty.Student,
          },
          {
            restrictionId: stopFullTimeStudentRestriction.id,
            restrictionCode: ssrRestriction.restrictionCode,
            restrictionCreatedAt:
              stopFullTimeStudentRestriction.createdAt.toISOString(),
            restrictedParty: RestrictedParty.Student,
          },
        ],
      });
  });

  afterAll(async () => {
    await app?.close();
  });
});
