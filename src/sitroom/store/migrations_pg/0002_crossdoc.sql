-- sitroom store schema v2 for PostgreSQL: the cross-document tables of the SQLite 0002_crossdoc
-- migration (contradictions, event clusters, alias confidence), same names and columns.

CREATE TABLE contradictions (
    id                    BIGSERIAL PRIMARY KEY,
    deny_doc              TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    deny_kind             TEXT NOT NULL,
    deny_id               TEXT COLLATE "C" NOT NULL,
    assert_doc            TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    assert_kind           TEXT NOT NULL,
    assert_id             TEXT COLLATE "C" NOT NULL,
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

CREATE TABLE contradiction_actors (
    rowid            BIGSERIAL PRIMARY KEY,
    contradiction_id BIGINT NOT NULL REFERENCES contradictions(id) ON DELETE CASCADE,
    doc_id           TEXT COLLATE "C" NOT NULL,
    entity_id        TEXT COLLATE "C" NOT NULL,
    FOREIGN KEY (doc_id, entity_id) REFERENCES doc_entities(doc_id, entity_id) ON DELETE CASCADE
);
CREATE INDEX contradiction_actors_entity ON contradiction_actors(doc_id, entity_id);
CREATE INDEX contradiction_actors_row ON contradiction_actors(contradiction_id);

CREATE TABLE event_clusters (
    id   BIGSERIAL PRIMARY KEY,
    type TEXT NOT NULL
);

CREATE TABLE event_cluster_members (
    cluster_id BIGINT NOT NULL REFERENCES event_clusters(id),
    doc_id     TEXT COLLATE "C" NOT NULL,
    event_id   TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (doc_id, event_id),
    FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE
);
CREATE INDEX event_cluster_members_cluster ON event_cluster_members(cluster_id);

INSERT INTO event_clusters (id, type) SELECT rowid, type FROM events;
INSERT INTO event_cluster_members (cluster_id, doc_id, event_id) SELECT rowid, doc_id, id FROM events;
SELECT setval(pg_get_serial_sequence('event_clusters', 'id'), COALESCE((SELECT max(id) FROM event_clusters), 0) + 1, false);

ALTER TABLE actor_aliases ADD COLUMN confidence DOUBLE PRECISION;
