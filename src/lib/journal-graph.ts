import { buildGraphModel, type GraphModel } from "./graph/graph-model.ts";
import { loadJournal } from "./journal.ts";

let model: Promise<GraphModel> | undefined;

/** The tag graph of the published journal, built once per build. */
export function getGraphModel(): Promise<GraphModel> {
  model ??= loadJournal().then((journal) =>
    buildGraphModel({
      tags: journal.tags.map((t) => ({ id: t.id, title: t.data.title, aliases: t.data.aliases, related: t.data.related })),
      entries: journal.entries.map((e) => ({ day: e.data.day, title: e.data.title, tagIds: journal.tagIdsOf(e) })),
    }),
  );
  return model;
}
