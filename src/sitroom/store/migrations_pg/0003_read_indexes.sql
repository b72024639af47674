-- sitroom store schema v3 (PostgreSQL): the SQLite migration 0003 (covering indexes for the read
-- paths, each event's days for the cross-document layer); see store/migrations/0003_read_indexes.sql.

CREATE INDEX doc_entities_actor_docs ON doc_entities(actor_id, doc_id, entity_id, mention_count);
DROP INDEX doc_entities_actor;
CREATE INDEX doc_entities_doc_actor ON doc_entities(doc_id, entity_id, actor_id);
CREATE INDEX event_actors_entity_role ON event_actors(doc_id, entity_id, role, event_id);
DROP INDEX event_actors_entity;
CREATE INDEX event_actors_event_role ON event_actors(doc_id, event_id, role, entity_id);
DROP INDEX event_actors_event;
CREATE INDEX events_key_dates ON events(doc_id, id) INCLUDE (date_start, date_end, type, modality, rowid);
CREATE INDEX documents_id_published ON documents(id) INCLUDE (published, rowid);
CREATE INDEX event_cluster_members_event ON event_cluster_members(doc_id, event_id, cluster_id);
CREATE INDEX event_cluster_members_docs ON event_cluster_members(cluster_id, doc_id, event_id);
DROP INDEX event_cluster_members_cluster;
CREATE INDEX claims_stance_doc ON claims(stance, doc_id);
DROP INDEX claims_stance;
CREATE INDEX events_modality_doc ON events(modality, doc_id);
DROP INDEX events_modality;

ALTER TABLE events ADD COLUMN day_first TEXT;
ALTER TABLE events ADD COLUMN day_last TEXT;
UPDATE events e SET
    day_first = CASE length(x.first) WHEN 4 THEN x.first || '-01-01' WHEN 7 THEN x.first || '-01'
                ELSE substr(x.first, 1, 10) END,
    day_last = CASE length(x.last) WHEN 4 THEN x.last || '-12-31' WHEN 7 THEN x.last || '-31'
               ELSE substr(x.last, 1, 10) END
FROM (SELECT ev.doc_id, ev.id, COALESCE(ev.date_start, d.published) AS first,
             COALESCE(ev.date_end, ev.date_start, d.published) AS last
      FROM events ev JOIN documents d ON d.id = ev.doc_id) AS x
WHERE x.doc_id = e.doc_id AND x.id = e.id;
CREATE INDEX events_type_day ON events(type, day_first, doc_id, id);
-- Events spanning several days (a month, a range) on their own: the look-up for them reaches a
-- month back, which over every event would scan a month of a type instead of a week.
CREATE INDEX events_type_long ON events(type, day_first, day_last, doc_id, id) WHERE day_first < day_last;
