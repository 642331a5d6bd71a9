// A contact's opportunities and the location's pipelines and lost reasons, read from HighLevel.
import type { GhlClient } from '../ghl';
import { lostReasonViews, opportunityViews, pipelineViews, type OpportunityNames } from './shape';

export async function opportunityLists(client: GhlClient) {
  const [pipelines, lostReasons] = await Promise.all([client.opportunities.pipelines(), client.opportunities.lostReasons()]);
  return { pipelines: pipelineViews(pipelines), lostReasons: lostReasonViews(lostReasons) };
}

/** The contact's opportunities, named; the search goes out at once, whatever the names still wait for (the location's lists on a first view). */
export async function contactOpportunities(client: GhlClient, contactId: string, names: OpportunityNames | Promise<OpportunityNames>) {
  const [opportunities, named] = await Promise.all([client.opportunities.forContact(contactId), names]);
  return opportunityViews(opportunities, named);
}
