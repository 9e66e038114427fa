import GRDB

/// The workspace schema as versioned migrations; an empty file migrates to the latest.
enum Schema {
  /// `PRAGMA application_id` of every peili workspace ("peil"), so that a foreign SQLite
  /// file is recognised and refused before anything is written to it.
  static let applicationID: Int32 = 0x7065_696C

  /// `PRAGMA user_version` written by the latest migration; a file with a larger one was
  /// written by a newer peili and is refused.
  static let version = 7

  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1") { db in
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try db.execute(sql: "PRAGMA user_version = 1")
      try db.execute(
        sql: """
          CREATE TABLE cycle (
            id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL,
            start_date TEXT NOT NULL, end_date TEXT NOT NULL);
          CREATE TABLE theme (
            id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, position INTEGER NOT NULL);
          CREATE TABLE objective (
            id TEXT PRIMARY KEY NOT NULL,
            cycle_id TEXT NOT NULL REFERENCES cycle(id),
            parent_id TEXT REFERENCES objective(id),
            title TEXT NOT NULL, kind TEXT NOT NULL, owner TEXT,
            weight REAL NOT NULL DEFAULT 1, position INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1);
          CREATE TABLE objective_theme (
            objective_id TEXT NOT NULL REFERENCES objective(id) ON DELETE CASCADE,
            theme_id TEXT NOT NULL REFERENCES theme(id),
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (objective_id, theme_id));
          CREATE TABLE key_result (
            id TEXT PRIMARY KEY NOT NULL,
            objective_id TEXT NOT NULL REFERENCES objective(id) ON DELETE CASCADE,
            title TEXT NOT NULL, kind TEXT NOT NULL, owner TEXT,
            weight REAL NOT NULL DEFAULT 1,
            unit TEXT, start_value REAL, target_value REAL, current_value REAL,
            done INTEGER,
            theme_id TEXT REFERENCES theme(id), audience TEXT, baseline_wave TEXT,
            confidence INTEGER, position INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1);
          CREATE TABLE action (
            id TEXT PRIMARY KEY NOT NULL,
            objective_id TEXT NOT NULL REFERENCES objective(id) ON DELETE CASCADE,
            key_result_id TEXT REFERENCES key_result(id) ON DELETE CASCADE,
            title TEXT NOT NULL, owner TEXT, status TEXT NOT NULL,
            progress INTEGER NOT NULL, start_date TEXT, due_date TEXT,
            confidence INTEGER, position INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1);
          CREATE TABLE action_theme (
            action_id TEXT NOT NULL REFERENCES action(id) ON DELETE CASCADE,
            theme_id TEXT NOT NULL REFERENCES theme(id),
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (action_id, theme_id));
          CREATE TABLE checkin (
            id INTEGER PRIMARY KEY,
            subject TEXT NOT NULL, subject_id TEXT NOT NULL,
            at TEXT NOT NULL, author TEXT NOT NULL,
            value REAL, progress INTEGER, confidence INTEGER, note TEXT NOT NULL DEFAULT '');
          CREATE INDEX checkin_subject ON checkin(subject, subject_id, at);
          CREATE TABLE question (
            id TEXT PRIMARY KEY NOT NULL,
            theme_id TEXT NOT NULL REFERENCES theme(id),
            text TEXT NOT NULL, scale_min INTEGER NOT NULL, scale_max INTEGER NOT NULL,
            nps INTEGER NOT NULL DEFAULT 0, outcome INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL);
          CREATE TABLE wave (id TEXT PRIMARY KEY NOT NULL, date TEXT NOT NULL);
          -- Which questions one (wave, audience) asked, and the byte slot each answer
          -- occupies in respondent.answers.
          CREATE TABLE wave_question (
            wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
            audience TEXT NOT NULL,
            question_id TEXT NOT NULL REFERENCES question(id),
            slot INTEGER NOT NULL,
            PRIMARY KEY (wave_id, audience, question_id));
          -- One row per respondent; answers packed one byte per question slot
          -- (value − scale_min + 1, 0 = missing): see BENCHMARKS.md for why not one row per answer.
          CREATE TABLE respondent (
            id INTEGER PRIMARY KEY,
            wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
            audience TEXT NOT NULL,
            external_id TEXT NOT NULL,
            answers BLOB NOT NULL,
            UNIQUE (wave_id, audience, external_id));
          CREATE TABLE respondent_segment (
            respondent_id INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
            attribute TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (respondent_id, attribute));
          CREATE INDEX respondent_segment_value ON respondent_segment(attribute, value);
          CREATE TABLE comment (
            id INTEGER PRIMARY KEY,
            respondent_id INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
            theme_id TEXT NOT NULL REFERENCES theme(id),
            text TEXT NOT NULL);
          CREATE INDEX comment_theme ON comment(theme_id);
          -- Computed once per import; invalidated (deleted) by any import of that wave.
          CREATE TABLE score_cache (
            wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
            audience TEXT NOT NULL,
            theme_id TEXT NOT NULL,
            question_id TEXT NOT NULL DEFAULT '',
            summary BLOB NOT NULL,
            PRIMARY KEY (wave_id, audience, theme_id, question_id));
          -- Segment cells (all of a respondent's segment values) of one (wave, audience), their
          -- values, and per theme/question a mergeable summary (SegmentCellCodec): a segment
          -- filter merges the matching cells. Rewritten by any import of that wave and audience.
          CREATE TABLE segment_cell (
            wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
            audience TEXT NOT NULL,
            cell_key TEXT NOT NULL,
            respondents INTEGER NOT NULL,
            PRIMARY KEY (wave_id, audience, cell_key));
          CREATE TABLE segment_cell_value (
            wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
            audience TEXT NOT NULL,
            cell_key TEXT NOT NULL,
            attribute TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (wave_id, audience, cell_key, attribute));
          CREATE INDEX segment_cell_value_attribute ON segment_cell_value(attribute, value);
          CREATE TABLE segment_cell_score (
            wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
            audience TEXT NOT NULL,
            cell_key TEXT NOT NULL,
            theme_id TEXT NOT NULL,
            question_id TEXT NOT NULL DEFAULT '',
            n INTEGER NOT NULL,
            summary BLOB NOT NULL,
            PRIMARY KEY (wave_id, audience, theme_id, question_id, cell_key));
          -- One row per changed field; the rows one transaction wrote share a change_id.
          -- kind: edit | undo | import | cycle; an undo row names the change it reverts.
          CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            change_id INTEGER NOT NULL DEFAULT 0, kind TEXT NOT NULL DEFAULT 'import',
            at TEXT NOT NULL, user TEXT NOT NULL,
            entity TEXT NOT NULL, entity_id TEXT NOT NULL,
            field TEXT NOT NULL, old_value TEXT, new_value TEXT,
            reverts INTEGER);
          CREATE INDEX audit_entity ON audit(entity, entity_id);
          CREATE INDEX audit_user_change ON audit(user, change_id);
          """)
    }
    // Who has the workspace open (see `Workspace.heartbeat`): not content, never audited.
    m.registerMigration("v2") { db in
      try db.execute(sql: "PRAGMA user_version = 2")
      try db.execute(
        sql: """
          CREATE TABLE session (
            id TEXT PRIMARY KEY NOT NULL, user TEXT NOT NULL, host TEXT NOT NULL, pid INTEGER NOT NULL,
            started_at REAL NOT NULL, seen_at REAL NOT NULL);
          """)
    }
    // Theme summaries gain the respondents' favourable shares (the theme favourable % and its
    // interval count each respondent once): every cached score is recomputed from the answers.
    m.registerMigration("v3") { db in
      try db.execute(sql: "PRAGMA user_version = 3")
      try ScoreCacheRebuild.all(db)
    }
    // An action records when and how its change was told to its audience (both or neither:
    // the CHECK keeps a half-written communication out of every writer's way).
    m.registerMigration("v4") { db in
      try db.execute(sql: "PRAGMA user_version = 4")
      try db.execute(
        sql: """
          ALTER TABLE action ADD COLUMN communicated_on TEXT;
          ALTER TABLE action ADD COLUMN communication_channel TEXT
            CHECK ((communicated_on IS NULL) = (communication_channel IS NULL));
          """)
    }
    // Review meetings (DESIGN §9): one open at a time (the partial unique index), its agenda
    // with each item's state when it started, its decisions and notes, who took part.
    m.registerMigration("v5") { db in
      try db.execute(sql: "PRAGMA user_version = 5")
      try db.execute(
        sql: """
          CREATE TABLE review (
            id INTEGER PRIMARY KEY,
            cycle_id TEXT NOT NULL,
            title TEXT NOT NULL,
            started_at TEXT NOT NULL, started_by TEXT NOT NULL,
            closed_at TEXT, closed_by TEXT,
            current INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1);
          CREATE UNIQUE INDEX review_one_open ON review((closed_at IS NULL)) WHERE closed_at IS NULL;
          CREATE TABLE review_item (
            review_id INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL, node_id TEXT NOT NULL, title TEXT NOT NULL, reason TEXT NOT NULL,
            skipped INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL,
            PRIMARY KEY (review_id, position));
          CREATE TABLE review_entry (
            id INTEGER PRIMARY KEY,
            review_id INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('decision', 'note')),
            item_position INTEGER,
            text TEXT NOT NULL, owner TEXT, due TEXT, action_id TEXT,
            status TEXT CHECK (status IS NULL OR status IN ('open', 'done')),
            created_at TEXT NOT NULL, created_by TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1);
          CREATE INDEX review_entry_review ON review_entry(review_id);
          CREATE TABLE review_participant (
            review_id INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
            user TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
            PRIMARY KEY (review_id, user));
          """)
    }
    // A question's `favourable:` rule from its mapping (`top 3`, `>= 70`); NULL: the top two
    // points, as every question before it, so no cached score changes.
    m.registerMigration("v6") { db in
      try db.execute(sql: "PRAGMA user_version = 6")
      try db.execute(sql: "ALTER TABLE question ADD COLUMN favourable TEXT")
    }
    // The presenter's lease (one row: one presenter per workspace) with the view state it
    // publishes, which sessions follow it, and confidence votes with their hidden ballots.
    // None of it is content but the votes' results: the lease and following are presence.
    m.registerMigration("v7") { db in
      try db.execute(sql: "PRAGMA user_version = 7")
      try db.execute(
        sql: """
          ALTER TABLE session ADD COLUMN following INTEGER NOT NULL DEFAULT 0;
          CREATE TABLE presenter (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            session_id TEXT NOT NULL, user TEXT NOT NULL, host TEXT NOT NULL, pid INTEGER NOT NULL,
            seen_at REAL NOT NULL, sequence INTEGER NOT NULL DEFAULT 0, state TEXT);
          CREATE TABLE review_vote (
            review_id INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
            item_position INTEGER NOT NULL,
            opened_at TEXT NOT NULL, opened_by TEXT NOT NULL,
            revealed_at TEXT, n INTEGER, median REAL, lowest INTEGER, highest INTEGER,
            PRIMARY KEY (review_id, item_position));
          CREATE TABLE review_ballot (
            review_id INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
            item_position INTEGER NOT NULL, user TEXT NOT NULL,
            value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 10), cast_at TEXT NOT NULL,
            PRIMARY KEY (review_id, item_position, user));
          """)
    }
    return m
  }
}
