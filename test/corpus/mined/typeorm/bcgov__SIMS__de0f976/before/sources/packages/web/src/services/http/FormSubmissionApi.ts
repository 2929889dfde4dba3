import HttpBaseClient from "@/services/http/common/HttpBaseClient";
import {
  FormSubmissionConfigurationsAPIOutDTO,
  FormSubmissionAPIInDTO,
  FormSupplementaryDataAPIInDTO,
  FormSupplementaryDataAPIOutDTO,
  FormSubmissionMinistryAPIOutDTO,
  FormSubmissionItemDecisionAPIInDTO,
  FormSubmissionCompletionAPIInDTO,
  FormSubmissionPendingSummaryAPIOutDTO,
  PaginatedResultsAPIOutDTO,
  FormSubmissionAPIOutDTO,
  FormSubmissionsAPIOutDTO,
} from "@/services/http/dto";
import { FormCategory, PaginationOptions } from "@/types";
import { getPaginationQueryString } from "@/helpers";

/**
 * Http API client for Form Submissions.
 */
export class FormSubmissionApi extends HttpBaseClient {
  /**
   * Get all submission form configurations for student submission forms.
   * @returns form configurations that allow student submissions.
   */
  async getSubmissionForms(): Promise<FormSubmissionConfigurationsAPIOutDTO> {
    return this.getCall(this.addClientRoot("form-submission/forms"));
  }

  /**
   * Gets the list of form submissions for the student, including the individual form items and their details.
   * For institutions, the form submissions with application scope will be restricted to the locations the user has access,
   * while all form submissions without application scope can be retrieved as long as the user has access to the student data.
   * @returns list of form submissions for the student.
   */
  async getFormSubmissionHistory(
    studentId?: number,
  ): Promise<FormSubmissionsAPIOutDTO> {
    let url = "form-submission";
    if (studentId) {
      url += `/student/${studentId}`;
    }
    return this.getCall(this.addClientRoot(url));
  }

  /**
   * Get the details of a form submission, including the individual form items and their details.
   * For the Ministry, it is using during the approval process, providing the necessary details for
   * the decision making on each form item.
   * For the student, it is used to show the details of their submission, including the decision made
   * on each form item.
   * @param formSubmissionId ID of the form submission to retrieve the details for.
   * @param options.
   * - `studentId`: optional ID used to validate the institution access to the student data.
   * Must be provided with `applicationId`.
   * - `itemId`: optional ID of the form submission item to filter the details for.
   * @returns form submission details including individual form items and their details.
   */
  async getFormSubmission(
    formSubmissionId: number,
    options?: { studentId?: number; itemId?: number },
  ): Promise<FormSubmissionAPIOutDTO | FormSubmissionMinistryAPIOutDTO> {
    let url = `form-submission/${formSubmissionId}`;
    if (options?.studentId) {
      // Used for institutions to validate the access to the student data.
      // Used by the Ministry to request a specific student.
      url = `form-submission/student/${options.studentId}/${url}`;
    }
    if (options?.itemId) {
      // Used by the Ministry to filter the form submission details for a specific form item during the approval process.
      url += `?itemId=${options.itemId}`;
    }
    return this.getCall(this.addClientRoot(url));
  }

  /**
   * Get supplementary data for the given data keys and application ID if provided.
   * @param query data keys and application ID to retrieve the supplementary data for.
   * @returns supplementary data for the given data keys and application ID.
   */
  async getSupplementaryData(
    query: FormSupplementaryDataAPIInDTO,
  ): Promise<FormSupplementaryDataAPIOutDTO> {
    let url = `form-submission/supplementary-data?dataKeys=${query.dataKeys.toString()}`;
    if (query.applicationId) {
      url += `&applicationId=${query.applicationId}`;
    }
    return this.getCall(this.addClientRoot(url));
  }

  /**
   * Submits forms represents appeals or other students forms for Ministry's decision.
   * The submission will be processed based on the form category and the related business rules.
   * @param payload form submission with one or more form items.
   */
  async submitForm(payload: FormSubmissionAPIInDTO): Promise<void> {
    await this.postCall(this.addClientRoot("form-submission"), payload);
  }

  /**
   * Gets all pending form submissions for ministry review across all form categories.
   * @param paginationOptions options to execute the pagination.
   * @param options additional filter options.
   * - `hasApplicationScope` when true returns only submissions linked to an application; when false returns only submissions not linked.
   * - `formCategory` filters results to a specific form category.
   * @returns paginated list of pending form submissions.
   */
  async getPendingFormSubmissions(
    paginationOptions: PaginationOptions,
    options?: { hasApplicationScope?: boolean; formCategory?: FormCategory },
  ): Promise<PaginatedResultsAPIOutDTO<FormSubmissionPendingSummaryAPIOutDTO>> {
    let url = `form-submission/pending?${getPaginationQueryString(paginationOptions)}`;
    if (options?.hasApplicationScope !== undefined) {
      url += `&hasApplicationScope=${options.hasApplicationScope}`;
    }
    if (options?.formCategory) {
      url += `&formCategory=${options.formCategory}`;
    }
    return this.getCall<
      PaginatedResultsAPIOutDTO<FormSubmissionPendingSummaryAPIOutDTO>
    >(this.addClientRoot(url));
  }

  /**
   * Updates an individual form item in the form submission with the decision made by the Ministry, including the decision status and note.
   * @param formSubmissionItemId ID of the form submission item to update the decision for.
   * @param payload decision status and note description for the form submission item.
   */
  async submitItemDecision(
    formSubmissionItemId: number,
    payload: FormSubmissionItemDecisionAPIInDTO,
  ): Promise<void> {
    await this.patchCall(
      this.addClientRoot(
        `form-submission/items/${formSubmissionItemId}/decision`,
      ),
      payload,
    );
  }

  /**
   * Updates the form submission status to completed when all the related form items have been decided,
   * and executes the related business logic such as sending notification.
   * This is the final step of the form submission approval process for the Ministry, which indicates that
   * all decisions on the form items have been made and the form submission is completed.
   * @param formSubmissionId ID of the form submission to be completed.
   * @param payload form submission completion details.
   */
  async completeFormSubmission(
    formSubmissionId: number,
    payload: FormSubmissionCompletionAPIInDTO,
  ): Promise<void> {
    await this.patchCall(
      this.addClientRoot(`form-submission/${formSubmissionId}/complete`),
      payload,
    );
  }
}
