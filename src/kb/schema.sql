-- The knowledge base, schema version 1. Facts (claims, statistics, company
-- uses) are stored once under their stable id; every source that states a
-- fact adds an attribution row. Attribution rows name their source by its
-- row number: rows of one source then sit together, in the tables and in
-- the `source` indexes, so writing a source touches few pages. Attribution
-- tables have no index by fact: fact ids are hashes, and an index in hash
-- order grows a new dirty page per attribution, which made ingest slow
-- down as the KB grew. Facts count their attribution rows instead, so the
-- facts a removed source leaves without a source are found by count. The
-- writer removes repeated attributions before inserting.
-- A source row keeps the original bytes, so
-- the whole KB can be rebuilt when the rules change.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE sources (
  num           INTEGER PRIMARY KEY,     -- row number, internal: never exported
  id            TEXT NOT NULL UNIQUE,    -- SHA-256 of the bytes
  origin        TEXT NOT NULL,           -- path, URL or '-'
  format        TEXT NOT NULL,           -- text | markdown | html
  title         TEXT,
  author        TEXT,
  published     TEXT,                    -- YYYY-MM-DD
  site          TEXT,
  canonical_url TEXT,
  bytes         BLOB NOT NULL,           -- the original input
  text          TEXT NOT NULL,           -- the document text spans index
  simhash       INTEGER NOT NULL,        -- of the kept content
  dropped       TEXT NOT NULL,           -- JSON: blocks cleaning dropped, with rules
  ingested_at   TEXT NOT NULL,           -- RFC 3339, UTC
  replaced_by   TEXT                     -- NULL while current
);
CREATE INDEX sources_origin ON sources(origin);

CREATE TABLE entities (
  slug     TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  kind     TEXT NOT NULL,
  language TEXT
);

CREATE TABLE mentions (
  source    INTEGER NOT NULL REFERENCES sources(num),
  entity    TEXT NOT NULL,
  surface   TEXT NOT NULL,
  start     INTEGER NOT NULL,
  end       INTEGER NOT NULL,
  rule      TEXT NOT NULL
);
CREATE INDEX mentions_source ON mentions(source);
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE claims (
  id       TEXT PRIMARY KEY,
  entity   TEXT NOT NULL,
  polarity TEXT NOT NULL,
  aspect   TEXT NOT NULL,
  key      TEXT NOT NULL,
  attributions INTEGER NOT NULL          -- its attribution rows; 0: gone
);
CREATE INDEX claims_entity ON claims(entity);

CREATE TABLE claim_sources (
  claim_id  TEXT NOT NULL REFERENCES claims(id),
  source    INTEGER NOT NULL REFERENCES sources(num),
  start     INTEGER NOT NULL,
  end       INTEGER NOT NULL,
  quote     TEXT NOT NULL,
  statement TEXT,                         -- NULL when it is the quote
  rule      TEXT NOT NULL
);
CREATE INDEX claim_sources_source ON claim_sources(source);

CREATE TABLE statistics (
  id          TEXT PRIMARY KEY,
  entity      TEXT,
  value       REAL NOT NULL,
  unit        TEXT NOT NULL,
  measure_key TEXT NOT NULL,
  attributions INTEGER NOT NULL
);
CREATE INDEX statistics_entity ON statistics(entity);

CREATE TABLE statistic_sources (
  statistic_id TEXT NOT NULL REFERENCES statistics(id),
  source       INTEGER NOT NULL REFERENCES sources(num),
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL,
  quote        TEXT NOT NULL,
  rule         TEXT NOT NULL,
  qualifier    TEXT,
  measure      TEXT,
  time         TEXT,
  cited        TEXT
);
CREATE INDEX statistic_sources_source ON statistic_sources(source);

CREATE TABLE companies (
  id          TEXT PRIMARY KEY,
  company_key TEXT NOT NULL,
  entity      TEXT,
  attributions INTEGER NOT NULL
);
CREATE INDEX companies_entity ON companies(entity);

CREATE TABLE company_sources (
  company_id TEXT NOT NULL REFERENCES companies(id),
  source     INTEGER NOT NULL REFERENCES sources(num),
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  quote      TEXT NOT NULL,
  company    TEXT NOT NULL,                -- the name as written
  rule       TEXT NOT NULL
);
CREATE INDEX company_sources_source ON company_sources(source);
