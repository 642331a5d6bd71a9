// A contact's opportunities: read (with the location's pipelines, stages and lost reasons), shown,
// changed through the outbox (create, move, won / lost / abandoned) with their own update time as
// the version, and the pipeline and stage a new one starts in.
export { contactOpportunities, opportunityLists } from './read';
export { named, opportunityViews, pipelineViews, type OpportunityNames } from './shape';
export { createOpportunity, moveOpportunity, setOpportunityStatus, type OpportunityLists } from './writes';
export { opportunityPerformers } from './send';
export { isOpportunityWrite, layOpportunityWrite } from './optimistic';
export { opportunityDefaults, rememberDefaults, type OpportunityDefaults } from './defaults';
