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

/** RFC 9457 problem details, the body of every error. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}
