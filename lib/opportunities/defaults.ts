// The pipeline and stage a new opportunity starts in: the last ones the user chose, per location.
import { storage } from 'wxt/utils/storage';

export interface OpportunityDefaults {
  pipelineId: string;
  stageId: string;
}

const item = storage.defineItem<Record<string, OpportunityDefaults>>('local:opportunityDefaults', { fallback: {}, version: 1 });

export async function opportunityDefaults(locationId: string): Promise<OpportunityDefaults | undefined> {
  return (await item.getValue())[locationId];
}

export async function rememberDefaults(locationId: string, defaults: OpportunityDefaults): Promise<void> {
  await item.setValue({ ...(await item.getValue()), [locationId]: defaults });
}
