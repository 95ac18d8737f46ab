/** The API paths the Approvals place uses. */
export const APPROVALS_API = {
  approvals: '/api/approvals',
  initiative: (id: string) => `/api/initiatives/${encodeURIComponent(id)}`,
  milestone: (id: string) => `/api/milestones/${encodeURIComponent(id)}`,
  decisions: (id: string) => `/api/milestones/${encodeURIComponent(id)}/decisions`,
  readings: (measureId: string) => `/api/measures/${encodeURIComponent(measureId)}/readings`,
} as const;
