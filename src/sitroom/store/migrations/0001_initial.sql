-- sitroom store schema v1.
-- Documents own everything read from them (ON DELETE CASCADE); the cross-document actor table is
-- the only shared state: doc_entities maps each record's entity ids to an actor.

CREATE TABLE documents (
    id                 TEXT PRIMARY KEY,
    content_hash       TEXT NOT NULL UNIQUE,
    title              TEXT,
    published          TEXT,
    published_inferred INTEGER NOT NULL DEFAULT 0,
    source             TEXT,
    url                TEXT,
    author             TEXT,
    language           TEXT,
    origin             TEXT,
    model              TEXT,
    text               TEXT NOT NULL,
    record_json        TEXT NOT NULL,
    added_at           TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE sentences (
    rowid  INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    text   TEXT NOT NULL,
    UNIQUE (doc_id, idx)
);

-- External-content FTS5 index over sentences, kept in sync by the triggers below.
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
END;

CREATE TABLE actors (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,
    norm          TEXT NOT NULL,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    country       TEXT,
    sector        TEXT,
    code          TEXT,
    role          TEXT,
    mention_count INTEGER NOT NULL DEFAULT 0,
    doc_count     INTEGER NOT NULL DEFAULT 0,
    first_seen    TEXT,
    last_seen     TEXT
);
CREATE INDEX actors_norm ON actors(norm);
CREATE INDEX actors_lower_name ON actors(lower(name));
CREATE INDEX actors_kind ON actors(kind);
CREATE INDEX actors_country ON actors(country);
CREATE INDEX actors_sector ON actors(sector);
CREATE INDEX actors_mentions ON actors(mention_count DESC);

-- Every surface form seen for an actor: count = mentions with that text, name_count = documents
-- whose resolver chose it as the entity name (the actor's display name is the top name_count).
CREATE TABLE actor_aliases (
    actor_id   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias      TEXT NOT NULL,
    count      INTEGER NOT NULL DEFAULT 0,
    name_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (actor_id, alias)
);
CREATE INDEX actor_aliases_lower ON actor_aliases(lower(alias));

-- Votes for an actor's kind/country/sector/code/role, one per document; the majority wins.
CREATE TABLE actor_attrs (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    attr     TEXT NOT NULL,
    value    TEXT NOT NULL,
    count    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (actor_id, attr, value)
);

CREATE TABLE doc_entities (
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id     TEXT NOT NULL,
    actor_id      INTEGER NOT NULL REFERENCES actors(id),
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    country       TEXT,
    sector        TEXT,
    code          TEXT,
    role          TEXT,
    mention_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX doc_entities_actor ON doc_entities(actor_id);

CREATE TABLE mentions (
    doc_id    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    FOREIGN KEY (doc_id, entity_id) REFERENCES doc_entities(doc_id, entity_id) ON DELETE CASCADE
);
CREATE INDEX mentions_entity ON mentions(doc_id, entity_id);

CREATE TABLE events (
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    type           TEXT NOT NULL,
    mode           TEXT,
    modality       TEXT NOT NULL,
    date_text      TEXT,
    date_start     TEXT,
    date_end       TEXT,
    place          TEXT,
    claim          TEXT,
    confidence     REAL,
    trigger_start  INTEGER,
    trigger_end    INTEGER,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_modality ON events(modality);
CREATE INDEX events_place ON events(doc_id, place);

CREATE TABLE event_actors (
    doc_id    TEXT NOT NULL,
    event_id  TEXT NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('source', 'target')),
    entity_id TEXT NOT NULL,
    FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE,
    FOREIGN KEY (doc_id, entity_id) REFERENCES doc_entities(doc_id, entity_id) ON DELETE CASCADE
);
CREATE INDEX event_actors_event ON event_actors(doc_id, event_id);
CREATE INDEX event_actors_entity ON event_actors(doc_id, entity_id);

CREATE TABLE claims (
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    speaker        TEXT,
    via            TEXT,
    stance         TEXT NOT NULL,
    kind           TEXT NOT NULL,
    cue            TEXT,
    text           TEXT NOT NULL,
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX claims_speaker ON claims(doc_id, speaker);
CREATE INDEX claims_via ON claims(doc_id, via);
CREATE INDEX claims_stance ON claims(stance);

CREATE TABLE claim_about (
    doc_id    TEXT NOT NULL,
    claim_id  TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    FOREIGN KEY (doc_id, claim_id) REFERENCES claims(doc_id, id) ON DELETE CASCADE,
    FOREIGN KEY (doc_id, entity_id) REFERENCES doc_entities(doc_id, entity_id) ON DELETE CASCADE
);
CREATE INDEX claim_about_claim ON claim_about(doc_id, claim_id);
CREATE INDEX claim_about_entity ON claim_about(doc_id, entity_id);

CREATE TABLE relations (
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    type           TEXT NOT NULL,
    source         TEXT NOT NULL,
    target         TEXT NOT NULL,
    modality       TEXT NOT NULL,
    confidence     REAL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX relations_source ON relations(doc_id, source);
CREATE INDEX relations_target ON relations(doc_id, target);
CREATE INDEX relations_type ON relations(type);

CREATE TABLE quantities (
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    value          REAL,
    lower          REAL,
    upper          REAL,
    approximate    INTEGER NOT NULL DEFAULT 0,
    unit           TEXT,
    currency       TEXT,
    about          TEXT,
    text           TEXT NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX quantities_about ON quantities(doc_id, about);
CREATE INDEX quantities_unit ON quantities(unit);

CREATE TABLE dates (
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    text           TEXT NOT NULL,
    start          TEXT,
    "end"          TEXT,
    granularity    TEXT NOT NULL,
    relative       INTEGER NOT NULL DEFAULT 0,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX dates_start ON dates(start);
