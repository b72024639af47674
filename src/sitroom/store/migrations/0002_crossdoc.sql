-- sitroom store schema v2: the cross-document layer.
-- * contradictions: one source denies what another asserts (resolve/contradictions.py decides);
-- * event clusters: every event belongs to exactly one cluster, reports of one happening share it
--   (resolve/event_dedup.py decides);
-- * a confidence on each actor alias: how sure the automatic merge that put it there was.
-- Sides reference document-local entity ids (joined through doc_entities at query time), so an
-- actor merge or split made later is seen without rewriting these rows.

CREATE TABLE contradictions (
    id                    INTEGER PRIMARY KEY,
    deny_doc              TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    deny_kind             TEXT NOT NULL,
    deny_id               TEXT NOT NULL,
    assert_doc            TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    assert_kind           TEXT NOT NULL,
    assert_id             TEXT NOT NULL,
    topic                 TEXT NOT NULL,
    reason                TEXT NOT NULL,
    deny_speaker          TEXT,
    deny_via              TEXT,
    deny_label            TEXT NOT NULL,
    deny_text             TEXT NOT NULL,
    deny_evidence_start   INTEGER NOT NULL,
    deny_evidence_end     INTEGER NOT NULL,
    deny_evidence_text    TEXT NOT NULL,
    assert_speaker        TEXT,
    assert_via            TEXT,
    assert_label          TEXT NOT NULL,
    assert_text           TEXT NOT NULL,
    assert_evidence_start INTEGER NOT NULL,
    assert_evidence_end   INTEGER NOT NULL,
    assert_evidence_text  TEXT NOT NULL,
    UNIQUE (deny_doc, deny_kind, deny_id, assert_doc, assert_kind, assert_id)
);
CREATE INDEX contradictions_assert_doc ON contradictions(assert_doc);

-- The entities (per document) each contradiction is about, for `contradictions --actor A`.
CREATE TABLE contradiction_actors (
    contradiction_id INTEGER NOT NULL REFERENCES contradictions(id) ON DELETE CASCADE,
    doc_id           TEXT NOT NULL,
    entity_id        TEXT NOT NULL,
    FOREIGN KEY (doc_id, entity_id) REFERENCES doc_entities(doc_id, entity_id) ON DELETE CASCADE
);
CREATE INDEX contradiction_actors_entity ON contradiction_actors(doc_id, entity_id);
CREATE INDEX contradiction_actors_row ON contradiction_actors(contradiction_id);

CREATE TABLE event_clusters (
    id   INTEGER PRIMARY KEY,
    type TEXT NOT NULL
);

CREATE TABLE event_cluster_members (
    cluster_id INTEGER NOT NULL REFERENCES event_clusters(id),
    doc_id     TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_id),
    FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE
);
CREATE INDEX event_cluster_members_cluster ON event_cluster_members(cluster_id);

-- Events stored before this version each become a cluster of one.
INSERT INTO event_clusters (id, type) SELECT rowid, type FROM events;
INSERT INTO event_cluster_members (cluster_id, doc_id, event_id) SELECT rowid, doc_id, id FROM events;

-- NULL until the store rates it (right after the document that brought the alias is written).
ALTER TABLE actor_aliases ADD COLUMN confidence REAL;
