// A contact's opportunities and the location's pipelines and lost reasons, read from HighLevel.
import type { GhlClient } from '../ghl';
import { lostReasonViews, opportunityViews, pipelineViews, type OpportunityNames } from './shape';

export async function opportunityLists(client: GhlClient) {
  const [pipelines, lostReasons] = await Promise.all([client.opportunities.pipelines(), client.opportunities.lostReasons()]);
  return { pipelines: pipelineViews(pipelines), lostReasons: lostReasonViews(lostReasons) };
}

export async function contactOpportunities(client: GhlClient, contactId: string, names: OpportunityNames) {
  return opportunityViews(await client.opportunities.forContact(contactId), names);
}
