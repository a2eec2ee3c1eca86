'use client'
// Admin components, referenced by package path (`verdicts-cms/client#WorkflowPanel`) so a
// host app's `payload generate:importmap` resolves them from node_modules.
export { ApprovedOnlyPublishButton } from '../workflow/admin/ApprovedOnlyPublishButton.tsx'
export { AwaitingApproval } from '../workflow/admin/AwaitingApproval.tsx'
export { WorkflowPanel } from '../workflow/admin/WorkflowPanel.tsx'
export { RichTextLengthCounter } from '../catalog/admin/RichTextLengthCounter.tsx'
export { CoverageGrid } from '../coverage/admin/CoverageGrid.tsx'
export { EditorialCalendar } from '../releases/admin/EditorialCalendar.tsx'
export { ReleasePanel } from '../releases/admin/ReleasePanel.tsx'
