'use client'
// Admin components, referenced by package path (`verdicts-cms/client#WorkflowPanel`) so a
// host app's `payload generate:importmap` resolves them from node_modules.
export { PublishThroughWorkflow } from '../workflow/admin/PublishThroughWorkflow.tsx'
export { RoleDashboard } from '../workflow/admin/RoleDashboard.tsx'
export { StageQuickFilters } from '../workflow/admin/StageQuickFilters.tsx'
export { WorkflowPanel } from '../workflow/admin/WorkflowPanel.tsx'
export { RichTextLengthCounter } from '../catalog/admin/RichTextLengthCounter.tsx'
export { InlineFieldError } from '../catalog/admin/InlineFieldError.tsx'
export { FlagCell } from '../catalog/admin/FlagCell.tsx'
export { ReadOnlyJson } from '../catalog/admin/ReadOnlyJson.tsx'
export { CoverageGrid } from '../coverage/admin/CoverageGrid.tsx'
export { EditorialCalendar } from '../releases/admin/EditorialCalendar.tsx'
export { ReleasePanel } from '../releases/admin/ReleasePanel.tsx'
