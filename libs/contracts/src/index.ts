// Types shared by the API and the console, generated from the OpenAPI document (npm run contracts).
import type { components, paths } from './api';

export type { components, paths };
type S = components['schemas'];
export type Customer = S['CustomerDto'];
export type CustomerList = S['CustomerListDto'];
export type CreateCustomer = S['CreateCustomerDto'];
export type UpdateCustomer = S['UpdateCustomerDto'];
export type Contact = S['ContactDto'];
export type OwnerChange = S['OwnerChangeDto'];
export type User = S['UserDto'];
export type SessionUser = S['SessionUserDto'];
export type LoginResult = S['LoginResultDto'];
export type JobRun = S['JobRunDto'];
export type Booking = S['BookingDto'];
export type BookingDetail = S['BookingDetailDto'];
export type BookingList = S['BookingListDto'];
export type CustomerValue = S['CustomerValueDto'];
export type DuplicatePair = S['DuplicatePairDto'];
export type MergeResult = S['MergeResultDto'];
export type OwnerRule = S['OwnerRuleDto'];
export type TieringSummary = S['TieringSummaryDto'];
export type RetierRun = S['RetierRunDto'];
export type TierPolicy = S['PolicyDto'];
export type TierRules = S['TierRulesDto'];
export type TierService = S['TierServiceDto'];
export type SaveTierPolicy = S['SavePolicyDto'];
export type TierPreview = S['PreviewResultDto'];
export type TierMove = S['TierMoveDto'];
export type TierChange = S['TierChangeDto'];
export type Notification = S['NotificationDto'];
export type NotificationList = S['NotificationListDto'];
export type Complaint = S['ComplaintDto'];
export type ComplaintDetail = S['ComplaintDetailDto'];
export type ComplaintList = S['ComplaintListDto'];
export type ComplaintEvent = S['ComplaintEventDto'];
export type ComplaintSlaClock = S['SlaClockDto'];
export type CreateComplaint = S['CreateComplaintDto'];
export type ComplaintStepInput = S['ComplaintEventInputDto'];
export type ResolveComplaint = S['ResolveDto'];
export type ComplaintIncidentReport = S['IncidentReportDto'];

/** RFC 9457 problem details, the body of every error. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}
