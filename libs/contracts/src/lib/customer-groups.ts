import type { CustomerGroupIntent } from './domain-enums';

/** Field limits of a customer group, shared by the API's validation and the web forms. */
export const CUSTOMER_GROUP_NAME_MAX_LENGTH = 120;
export const CUSTOMER_GROUP_TEXT_MAX_LENGTH = 2000;

/** A customer group (seed 002, "not all customers are equal"). */
export interface CustomerGroupResponse {
  id: string;
  name: string;
  description: string;
  intent: CustomerGroupIntent;
  valueProposition: string;
  /** A group whose experience must not be traded away. */
  protected: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateCustomerGroupRequest {
  name: string;
  description?: string;
  intent: CustomerGroupIntent;
  valueProposition?: string;
  protected?: boolean;
}

export interface UpdateCustomerGroupRequest {
  name?: string;
  description?: string;
  intent?: CustomerGroupIntent;
  valueProposition?: string;
  protected?: boolean;
}
