/** The API paths the Portfolio place uses. */
export const PORTFOLIO_API = {
  summary: '/api/portfolio/summary',
  tension: '/api/portfolio/tension',
  alerts: '/api/portfolio/alerts',
  approvals: '/api/approvals',
  cycles: '/api/cycles',
} as const;
