// For a Next.js app: the route handler that answers `/api/public/matchups/:slug` from the
// page cache before Payload's generic REST handling.
export { createMatchupRoute } from '../public/matchupRoute.ts'
// Wrap the app's REST and GraphQL route handlers (app/(payload)/api/…/route.ts) so that
// hostile input gets a 4xx naming what is wrong, never a 500 (README, Security).
export { guardGraphqlHandler, guardRestHandler } from '../http/guardRest.ts'
