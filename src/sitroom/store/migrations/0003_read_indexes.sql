-- sitroom store schema v3: covering indexes for the read paths, and each event's days.
-- * Covering indexes let the actor page and event lists rank and sort narrow index entries of a
--   hub actor's events (thousands) and read the wide rows (evidence, record JSON) of one page only.
-- * events.day_first / day_last: the days an event covers (its own date range, else its
--   document's publication day), as full ISO dates; the cross-document layer finds the events near
--   a new one in time through events_type_day instead of through every event of its actors.

CREATE INDEX doc_entities_actor_docs ON doc_entities(actor_id, doc_id, entity_id, mention_count);
DROP INDEX doc_entities_actor;
CREATE INDEX doc_entities_doc_actor ON doc_entities(doc_id, entity_id, actor_id);
CREATE INDEX event_actors_entity_role ON event_actors(doc_id, entity_id, role, event_id);
DROP INDEX event_actors_entity;
CREATE INDEX event_actors_event_role ON event_actors(doc_id, event_id, role, entity_id);
DROP INDEX event_actors_event;
CREATE INDEX events_key_dates ON events(doc_id, id, date_start, date_end, type, modality);
CREATE INDEX documents_id_published ON documents(id, published);
CREATE INDEX event_cluster_members_event ON event_cluster_members(doc_id, event_id, cluster_id);
CREATE INDEX event_cluster_members_docs ON event_cluster_members(cluster_id, doc_id, event_id);
DROP INDEX event_cluster_members_cluster;
CREATE INDEX claims_stance_doc ON claims(stance, doc_id);
DROP INDEX claims_stance;
CREATE INDEX events_modality_doc ON events(modality, doc_id);
DROP INDEX events_modality;

ALTER TABLE events ADD COLUMN day_first TEXT;
ALTER TABLE events ADD COLUMN day_last TEXT;
-- ISO prefixes padded to days; a month's last day is written -31, which sorts after its real last
-- day and before the next month: these columns are only compared, never parsed as dates.
UPDATE events SET
    day_first = (SELECT CASE length(x) WHEN 4 THEN x || '-01-01' WHEN 7 THEN x || '-01' ELSE substr(x, 1, 10) END
                 FROM (SELECT COALESCE(events.date_start, (SELECT published FROM documents WHERE id = events.doc_id)) AS x)),
    day_last = (SELECT CASE length(x) WHEN 4 THEN x || '-12-31' WHEN 7 THEN x || '-31' ELSE substr(x, 1, 10) END
                FROM (SELECT COALESCE(events.date_end, events.date_start,
                                      (SELECT published FROM documents WHERE id = events.doc_id)) AS x));
CREATE INDEX events_type_day ON events(type, day_first, doc_id, id);
-- Events spanning several days (a month, a range) on their own: the look-up for them reaches a
-- month back, which over every event would scan a month of a type instead of a week.
CREATE INDEX events_type_long ON events(type, day_first, day_last, doc_id, id) WHERE day_first < day_last;
