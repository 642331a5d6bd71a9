// Workflows: the location's published workflows, adding the contact to one or removing it through
// the outbox (after the sidebar's confirmation), and the workflows added from here (HighLevel's
// API cannot list a contact's workflows).
export { addedWorkflows, forgetAdded, rememberAdded, type AddedWorkflow } from './added';
export { addedViews, isWorkflowWrite, layWorkflowWrite, publishedWorkflows } from './shape';
export { addToWorkflow, removeFromWorkflow } from './writes';
export { workflowPerformers } from './send';
