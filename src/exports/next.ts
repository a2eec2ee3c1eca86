// For a Next.js app: the route handler that answers `/api/public/matchups/:slug` from the
// page cache before Payload's generic REST handling.
export { createMatchupRoute } from '../public/matchupRoute.ts'
