import { OptionItemAPIOutDTO } from "@/services/http/dto";

export const INSTITUTION_REPORTS: OptionItemAPIOutDTO[] = [
  {
    description: "Offering Details",
    id: "Offering_Details_Report",
  },
  { description: "Student Unmet Need", id: "Student_Unmet_Need_Report" },
  { description: "COE Requests", id: "COE_Requests" },
];

export const MINISTRY_REPORTS: OptionItemAPIOutDTO[] = [
  {
    description: "CAS Supplier Maintenance Updates",
    id: "CAS_Supplier_Maintenance_Updates_Report",
  },
  { description: "Disbursements", id: "Disbursement_Report" },
  {
    description: "Disbursements Without Valid Supplier",
    id: "Disbursements_Without_Valid_Supplier_Report",
  },
  { description: "eCert Errors", id: "ECert_Errors_Report" },
  {
    description: "Forecast disbursements",
    id: "Disbursement_Forecast_Report",
  },
  {
    description: "Institution Designation",
    id: "Institution_Designation_Report",
  },
  {
    description: "Program and Offering Status",
    id: "Program_And_Offering_Status_Report",
  },
  {
    description: "Student Applications By Institution",
    id: "Ministry_Student_Applications_By_Institution_Report",
  },
  {
    description: "Student Unmet Need",
    id: "Ministry_Student_Unmet_Need_Report",
  },
];
