import { buildGraphModel, type GraphModel } from "./graph/graph-model.ts";
import { loadJournal } from "./journal.ts";

let model: Promise<GraphModel> | undefined;

/** The tag graph of the published journal: once per production build, afresh on every dev request. */
export function getGraphModel(): Promise<GraphModel> {
  if (import.meta.env.DEV) return buildModel();
  model ??= buildModel();
  return model;
}

async function buildModel(): Promise<GraphModel> {
  const journal = await loadJournal();
  return buildGraphModel({
    tags: journal.tags.map((t) => ({ id: t.id, title: t.data.title, aliases: t.data.aliases, related: t.data.related })),
    entries: journal.entries.map((e) => ({ day: e.data.day, title: e.data.title, tagIds: journal.tagIdsOf(e) })),
  });
}
