import { HttpStatus, INestApplication } from "@nestjs/common";
import request from "supertest";
import {
  AESTGroups,
  authorizeDynamicFormConfigurations,
  BEARER_AUTH_TYPE,
  createTestingAppModule,
  getAESTToken,
} from "../../../../testHelpers";
import {
  createE2EDataSources,
  createFakeUser,
  E2EDataSources,
  saveFakeApplication,
  saveFakeFormSubmissionFromInputTestData,
  saveFakeStudent,
} from "@sims/test-utils";
import {
  FormCategory,
  FormSubmissionDecisionStatus,
  FormSubmissionStatus,
  User,
} from "@sims/sims-db";
import { addDays } from "@sims/utilities";
import {
  createFakeFormConfigurations,
  DynamicConfigurationTestData,
} from "./form-submission-utils";
import { FormSubmissionAuthRoles } from "../../../../services";
import { TestingModule } from "@nestjs/testing";

describe("FormSubmissionAESTController(e2e)-getFormSubmissionHistory", () => {
  let app: INestApplication;
  let appModule: TestingModule;
  let db: E2EDataSources;
  let ministryUser: User;
  let formConfigs: DynamicConfigurationTestData;

  beforeAll(async () => {
    const { nestApplication, module, dataSource } =
      await createTestingAppModule();
    app = nestApplication;
    appModule = module;
    db = createE2EDataSources(dataSource);
    [ministryUser, formConfigs] = await Promise.all([
      db.user.save(createFakeUser()),
      createFakeFormConfigurations(app, db),
    ]);
  });

  it("Should get the form submission history including student appeals and student forms in pending statuses when the Ministry user does not have approval authorization.", async () => {
    // Arrange
    const student = await saveFakeStudent(db.dataSource);
    const application = await saveFakeApplication(db.dataSource, {
      student,
    });
    const [twoDaysAgo, yesterday, today] = [
      addDays(-2),
      addDays(-1),
      new Date(),
    ];
    // Pending student appeal with an associated application.
    // Expected to be returned with decisions as pending even if the item decision is not pending.
    const pendingStudentAppealPromise = saveFakeFormSubmissionFromInputTestData(
      db,
      {
        now: today,
        application,
        formCategory: FormCategory.StudentAppeal,
        submissionStatus: FormSubmissionStatus.Pending,
        ministryAuditUser: ministryUser,
        // Ensure items are added in alphabetical order DESC to
        // assert they will be returned in alphabetical order ASC.
        formSubmissionItems: [
          {
            // Should be returned as Pending since the final decision is Pending,
            // even though it has a declined decision.
            dynamicFormConfiguration: formConfigs.studentAppealApplicationB,
            decisions: [
              {
                decisionStatus: FormSubmissionDecisionStatus.Declined,
              },
            ],
          },
          {
            // Create at least one form with decision history to ensure the data will not be returned.
            dynamicFormConfiguration: formConfigs.studentAppealApplicationA,
            decisions: [
              {
                decisionStatus: FormSubmissionDecisionStatus.Approved,
              },
              {
                decisionStatus: FormSubmissionDecisionStatus.Pending,
              },
            ],
          },
        ],
      },
    );
    // Completed student appeal, no application associated.
    // Expected to be returned with decisions as the item decisions have a non-pending status.
    const completedStudentAppealPromise =
      saveFakeFormSubmissionFromInputTestData(db, {
        now: yesterday,
        student,
        formCategory: FormCategory.StudentAppeal,
        submissionStatus: FormSubmissionStatus.Completed,
        ministryAuditUser: ministryUser,
        formSubmissionItems: [
          {
            dynamicFormConfiguration: formConfigs.studentAppealA,
            decisions: [
              {
                decisionStatus: FormSubmissionDecisionStatus.Declined,
              },
            ],
          },
        ],
      });
    // Completed student form, no application associated.
    // Expected to be returned with decisions as the item decisions have a non-pending status.
    const completedStudentFormPromise = saveFakeFormSubmissionFromInputTestData(
      db,
      {
        now: twoDaysAgo,
        student,
        formCategory: FormCategory.StudentForm,
        submissionStatus: FormSubmissionStatus.Completed,
        ministryAuditUser: ministryUser,
        formSubmissionItems: [
          {
            dynamicFormConfiguration: formConfigs.studentFormA,
            decisions: [
              {
                decisionStatus: FormSubmissionDecisionStatus.Approved,
              },
            ],
          },
        ],
      },
    );
    const [pendingStudentAppeal, completedStudentAppeal, completedStudentForm] =
      await Promise.all([
        pendingStudentAppealPromise,
        completedStudentAppealPromise,
        completedStudentFormPromise,
      ]);
    const [pendingStudentAppealSavedItem1, pendingStudentAppealSavedItem2] =
      pendingStudentAppeal.formSubmissionItems;
    const [completedStudentAppealSavedItem1] =
      completedStudentAppeal.formSubmissionItems;
    const [completedStudentFormSavedItem1] =
      completedStudentForm.formSubmissionItems;
    const endpoint = `/aest/form-submission/student/${student.id}`;
    const token = await getAESTToken(AESTGroups.Operations);
    await authorizeDynamicFormConfigurations(
      appModule,
      [
        formConfigs.studentAppealApplicationA,
        formConfigs.studentAppealApplicationB,
        formConfigs.studentAppealA,
        formConfigs.studentFormA,
      ],
      [FormSubmissionAuthRoles.ViewFormHistoryList],
    );

    // Act/Assert
    await request(app.getHttpServer())
      .get(endpoint)
      .auth(token, BEARER_AUTH_TYPE)
      .expect(HttpStatus.OK)
      .expect(({ body }) =>
        expect(body.submissions).toEqual([
          // Pending Student Appeal
          {
            canViewFormSubmittedData: false,
            id: pendingStudentAppeal.id,
            applicationId: application.id,
            applicationNumber: application.applicationNumber,
            formCategory: FormCategory.StudentAppeal,
            status: FormSubmissionStatus.Pending,
            submittedDate: pendingStudentAppeal.submittedDate.toISOString(),
            assessedDate: null,
            canCancelSubmission: false,
            cancellationReason: null,
            statusUpdatedDate:
              pendingStudentAppeal.submissionStatusUpdatedOn.toISOString(),
            submissionItems: [
              {
                id: pendingStudentAppealSavedItem2.id,
                formType: formConfigs.studentAppealApplicationA.formType,
                formCategory: FormCategory.StudentAppeal,
                dynamicFormConfigurationId:
                  formConfigs.studentAppealApplicationA.id,
                formDefinitionName:
                  formConfigs.studentAppealApplicationA.formDefinitionName,
                currentDecision: {
                  decisionStatus: FormSubmissionDecisionStatus.Pending,
                },
              },
              {
                id: pendingStudentAppealSavedItem1.id,
                formType: formConfigs.studentAppealApplicationB.formType,
                formCategory: FormCategory.StudentAppeal,
                dynamicFormConfigurationId:
                  formConfigs.studentAppealApplicationB.id,
                formDefinitionName:
                  formConfigs.studentAppealApplicationB.formDefinitionName,
                currentDecision: {
                  decisionStatus: FormSubmissionDecisionStatus.Pending,
                },
              },
            ],
          },
          // Completed Student Appeal
          {
            canViewFormSubmittedData: false,
            id: completedStudentAppeal.id,
            formCategory: FormCategory.StudentAppeal,
            status: FormSubmissionStatus.Completed,
            submittedDate: completedStudentAppeal.submittedDate.toISOString(),
            assessedDate: completedStudentAppeal.assessedDate.toISOString(),
            canCancelSubmission: false,
            cancellationReason: null,
            statusUpdatedDate:
              completedStudentAppeal.submissionStatusUpdatedOn.toISOString(),
            submissionItems: [
              {
                id: completedStudentAppealSavedItem1.id,
                formType: formConfigs.studentAppealA.formType,
                formCategory: FormCategory.StudentAppeal,
                dynamicFormConfigurationId: formConfigs.studentAppealA.id,
                formDefinitionName:
                  formConfigs.studentAppealA.formDefinitionName,
                currentDecision: {
                  decisionStatus: FormSubmissionDecisionStatus.Declined,
                },
              },
            ],
          },
          // Completed Student Form
          {
            canViewFormSubmittedData: false,
            id: completedStudentForm.id,
            formCategory: FormCategory.StudentForm,
            status: FormSubmissionStatus.Completed,
            submittedDate: completedStudentForm.submittedDate.toISOString(),
            assessedDate: completedStudentForm.assessedDate.toISOString(),
            canCancelSubmission: false,
            cancellationReason: null,
            statusUpdatedDate:
              completedStudentForm.submissionStatusUpdatedOn.toISOString(),
            submissionItems: [
              {
                id: completedStudentFormSavedItem1.id,
                formType: formConfigs.studentFormA.formType,
                formCategory: FormCategory.StudentForm,
                dynamicFormConfigurationId: formConfigs.studentFormA.id,
                formDefinitionName: formConfigs.studentFormA.formDefinitionName,
                currentDecision: {
                  decisionStatus: FormSubmissionDecisionStatus.Approved,
                },
              },
            ],
          },
        ]),
      );
  });

  it("Should get a pending form submission history with its decision statuses when the Ministry user has approval authorization.", async () => {
    // Arrange
    const pendingStudentAppeal = await saveFakeFormSubmissionFromInputTestData(
      db,
      {
        formCategory: FormCategory.StudentAppeal,
        submissionStatus: FormSubmissionStatus.Pending,
        ministryAuditUser: ministryUser,
        // Ensure items are added in alphabetical order DESC to
        // assert they will be returned in alphabetical order ASC.
        formSubmissionItems: [
          {
            // Should be pending as it has no decision.
            dynamicFormConfiguration: formConfigs.studentAppealApplicationB,
            decisions: [
              {
                decisionStatus: FormSubmissionDecisionStatus.Declined,
              },
            ],
          },
          {
            // Create at least one form with decision history to ensure the data will not be returned.
            dynamicFormConfiguration: formConfigs.studentAppealApplicationA,
            decisions: [
              {
                decisionStatus: FormSubmissionDecisionStatus.Approved,
              },
              {
                decisionStatus: FormSubmissionDecisionStatus.Pending,
              },
            ],
          },
        ],
      },
    );

    const [pendingStudentAppealSavedItem1, pendingStudentAppealSavedItem2] =
      pendingStudentAppeal.formSubmissionItems;
    const endpoint = `/aest/form-submission/student/${pendingStudentAppeal.student.id}`;
    const token = await getAESTToken(AESTGroups.BusinessAdministrators);
    await authorizeDynamicFormConfigurations(
      appModule,
      [
        formConfigs.studentAppealApplicationA,
        formConfigs.studentAppealApplicationB,
      ],
      [
        FormSubmissionAuthRoles.ViewFormHistoryList,
        FormSubmissionAuthRoles.AssessItemDecision,
      ],
    );

    // Act/Assert
    await request(app.getHttpServer())
      .get(endpoint)
      .auth(token, BEARER_AUTH_TYPE)
      .expect(HttpStatus.OK)
      .expect(({ body }) =>
        expect(body.submissions).toEqual([
          // Pending Student Appeal
          {
            canViewFormSubmittedData: false,
            id: pendingStudentAppeal.id,
            formCategory: FormCategory.StudentAppeal,
            status: FormSubmissionStatus.Pending,
            submittedDate: pendingStudentAppeal.submittedDate.toISOString(),
            assessedDate: null,
            canCancelSubmission: false,
            cancellationReason: null,
            statusUpdatedDate:
              pendingStudentAppeal.submissionStatusUpdatedOn.toISOString(),
            submissionItems: [
              {
                id: pendingStudentAppealSavedItem2.id,
                formType: formConfigs.studentAppealApplicationA.formType,
                formCategory: FormCategory.StudentAppeal,
                dynamicFormConfigurationId:
                  formConfigs.studentAppealApplicationA.id,
                formDefinitionName:
                  formConfigs.studentAppealApplicationA.formDefinitionName,
                currentDecision: {
                  decisionStatus: FormSubmissionDecisionStatus.Approved,
                },
              },
              {
                id: pendingStudentAppealSavedItem1.id,
                formType: formConfigs.studentAppealApplicationB.formType,
                formCategory: FormCategory.StudentAppeal,
                dynamicFormConfigurationId:
                  formConfigs.studentAppealApplicationB.id,
                formDefinitionName:
                  formConfigs.studentAppealApplicationB.formDefinitionName,
                currentDecision: {
                  decisionStatus: FormSubmissionDecisionStatus.Declined,
                },
              },
            ],
          },
        ]),
      );
  });

  it("Should get form submission history, filtering out submission items that the user is not authorized to view when the user is requesting a history where he is not authorized to see all items.", async () => {
    // Arrange
    const application = await saveFakeApplication(db.dataSource);
    const pendingStudentAppeal = await saveFakeFormSubmissionFromInputTestData(
      db,
      {
        application,
        formCategory: FormCategory.StudentAppeal,
        submissionStatus: FormSubmissionStatus.Pending,
        ministryAuditUser: ministryUser,
        formSubmissionItems: [
          {
            dynamicFormConfiguration: formConfigs.studentAppealApplicationA,
            decisions: [],
          },
          {
            dynamicFormConfiguration: formConfigs.studentAppealApplicationB,
            decisions: [],
          },
        ],
      },
    );
    const [authorizedStudentAppeal] = pendingStudentAppeal.formSubmissionItems;
    const endpoint = `/aest/form-submission/student/${pendingStudentAppeal.student.id}`;
    const token = await getAESTToken(AESTGroups.BusinessAdministrators);
    await authorizeDynamicFormConfigurations(
      appModule,
      [formConfigs.studentAppealApplicationA],
      [FormSubmissionAuthRoles.ViewFormHistoryList],
    );

    // Act/Assert
    await request(app.getHttpServer())
      .get(endpoint)
      .auth(token, BEARER_AUTH_TYPE)
      .expect(HttpStatus.OK)
      .expect(({ body }) =>
        expect(body.submissions).toEqual([
          // Pending Student Appeal
          {
            canViewFormSubmittedData: false,
            applicationId: application.id,
            applicationNumber: application.applicationNumber,
            id: pendingStudentAppeal.id,
            formCategory: FormCategory.StudentAppeal,
            status: FormSubmissionStatus.Pending,
            submittedDate: pendingStudentAppeal.submittedDate.toISOString(),
            assessedDate: null,
            canCancelSubmission: true,
            cancellationReason: null,
            statusUpdatedDate:
              pendingStudentAppeal.submissionStatusUpdatedOn.toISOString(),
            submissionItems: [
              {
                id: authorizedStudentAppeal.id,
                formType: formConfigs.studentAppealApplicationA.formType,
                formCategory: FormCategory.StudentAppeal,
                dynamicFormConfigurationId:
                  formConfigs.studentAppealApplicationA.id,
                formDefinitionName:
                  formConfigs.studentAppealApplicationA.formDefinitionName,
                currentDecision: {
                  decisionStatus: FormSubmissionDecisionStatus.Pending,
                },
              },
            ],
          },
        ]),
      );
  });

  afterAll(async () => {
    await app?.close();
  });
});
