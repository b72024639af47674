-- sitroom store schema v1 for PostgreSQL: the same tables and columns as the SQLite schema.
-- Differences, and why:
--  * "rowid" BIGSERIAL columns stand in for SQLite's implicit rowid, so the shared queries
--    (sitroom.store.sqlite_read) can keep ordering by insertion.
--  * Text compared or ordered as ISO dates, names and aliases is COLLATE "C": byte order, as in
--    SQLite, whatever locale the database was created with ('~' must sort after digits and '-').
--  * Full-text search is a generated tsvector column ('simple' configuration: no stemming and no
--    stop words, like FTS5's unicode61) with a GIN index.
--  * Every foreign-key column has an index, so deleting a document's facts is an index lookup.

CREATE TABLE documents (
    rowid              BIGSERIAL UNIQUE,
    id                 TEXT COLLATE "C" PRIMARY KEY,
    content_hash       TEXT NOT NULL UNIQUE,
    title              TEXT,
    published          TEXT COLLATE "C",
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
    rowid  BIGSERIAL PRIMARY KEY,
    doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    text   TEXT NOT NULL,
    tsv    tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
    UNIQUE (doc_id, idx)
);
CREATE INDEX sentences_tsv ON sentences USING GIN (tsv);

CREATE TABLE actors (
    id            BIGSERIAL PRIMARY KEY,
    key           TEXT COLLATE "C" NOT NULL UNIQUE,
    norm          TEXT COLLATE "C" NOT NULL,
    name          TEXT COLLATE "C" NOT NULL,
    kind          TEXT NOT NULL,
    country       TEXT,
    sector        TEXT,
    code          TEXT,
    role          TEXT,
    mention_count INTEGER NOT NULL DEFAULT 0,
    doc_count     INTEGER NOT NULL DEFAULT 0,
    first_seen    TEXT COLLATE "C",
    last_seen     TEXT COLLATE "C"
);
CREATE INDEX actors_norm ON actors(norm);
CREATE INDEX actors_lower_name ON actors(lower(name));
CREATE INDEX actors_kind ON actors(kind);
CREATE INDEX actors_country ON actors(country);
CREATE INDEX actors_sector ON actors(sector);
CREATE INDEX actors_mentions ON actors(mention_count DESC);

CREATE TABLE actor_aliases (
    actor_id   BIGINT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias      TEXT COLLATE "C" NOT NULL,
    count      INTEGER NOT NULL DEFAULT 0,
    name_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (actor_id, alias)
);
CREATE INDEX actor_aliases_lower ON actor_aliases(lower(alias));

CREATE TABLE actor_attrs (
    actor_id BIGINT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    attr     TEXT NOT NULL,
    value    TEXT COLLATE "C" NOT NULL,
    count    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (actor_id, attr, value)
);

CREATE TABLE doc_entities (
    doc_id        TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id     TEXT COLLATE "C" NOT NULL,
    actor_id      BIGINT NOT NULL REFERENCES actors(id),
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
    rowid     BIGSERIAL PRIMARY KEY,
    doc_id    TEXT COLLATE "C" NOT NULL,
    entity_id TEXT COLLATE "C" NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    FOREIGN KEY (doc_id, entity_id) REFERENCES doc_entities(doc_id, entity_id) ON DELETE CASCADE
);
CREATE INDEX mentions_entity ON mentions(doc_id, entity_id);

CREATE TABLE events (
    rowid          BIGSERIAL UNIQUE,
    doc_id         TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT COLLATE "C" NOT NULL,
    type           TEXT NOT NULL,
    mode           TEXT,
    modality       TEXT NOT NULL,
    date_text      TEXT,
    date_start     TEXT COLLATE "C",
    date_end       TEXT COLLATE "C",
    place          TEXT COLLATE "C",
    claim          TEXT,
    confidence     DOUBLE PRECISION,
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
    rowid     BIGSERIAL PRIMARY KEY,
    doc_id    TEXT COLLATE "C" NOT NULL,
    event_id  TEXT COLLATE "C" NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('source', 'target')),
    entity_id TEXT COLLATE "C" NOT NULL,
    FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE,
    FOREIGN KEY (doc_id, entity_id) REFERENCES doc_entities(doc_id, entity_id) ON DELETE CASCADE
);
CREATE INDEX event_actors_event ON event_actors(doc_id, event_id);
CREATE INDEX event_actors_entity ON event_actors(doc_id, entity_id);

CREATE TABLE claims (
    rowid          BIGSERIAL UNIQUE,
    doc_id         TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT COLLATE "C" NOT NULL,
    speaker        TEXT COLLATE "C",
    via            TEXT COLLATE "C",
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
    rowid     BIGSERIAL PRIMARY KEY,
    doc_id    TEXT COLLATE "C" NOT NULL,
    claim_id  TEXT COLLATE "C" NOT NULL,
    entity_id TEXT COLLATE "C" NOT NULL,
    FOREIGN KEY (doc_id, claim_id) REFERENCES claims(doc_id, id) ON DELETE CASCADE,
    FOREIGN KEY (doc_id, entity_id) REFERENCES doc_entities(doc_id, entity_id) ON DELETE CASCADE
);
CREATE INDEX claim_about_claim ON claim_about(doc_id, claim_id);
CREATE INDEX claim_about_entity ON claim_about(doc_id, entity_id);

CREATE TABLE relations (
    rowid          BIGSERIAL UNIQUE,
    doc_id         TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT COLLATE "C" NOT NULL,
    type           TEXT NOT NULL,
    source         TEXT COLLATE "C" NOT NULL,
    target         TEXT COLLATE "C" NOT NULL,
    modality       TEXT NOT NULL,
    confidence     DOUBLE PRECISION,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX relations_source ON relations(doc_id, source);
CREATE INDEX relations_target ON relations(doc_id, target);
CREATE INDEX relations_type ON relations(type);

CREATE TABLE quantities (
    doc_id         TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT COLLATE "C" NOT NULL,
    value          DOUBLE PRECISION,
    lower          DOUBLE PRECISION,
    upper          DOUBLE PRECISION,
    approximate    INTEGER NOT NULL DEFAULT 0,
    unit           TEXT,
    currency       TEXT,
    about          TEXT COLLATE "C",
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
    doc_id         TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    text           TEXT NOT NULL,
    start          TEXT COLLATE "C",
    "end"          TEXT COLLATE "C",
    granularity    TEXT NOT NULL,
    relative       INTEGER NOT NULL DEFAULT 0,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX dates_start ON dates(start);
