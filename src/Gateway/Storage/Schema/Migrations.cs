namespace SmartVillage.Gateway.Storage.Schema;

/// <summary>
/// The schema, as the numbered steps that build it, in order. <see cref="SchemaMigrator"/> records which have run,
/// so an older database is brought forward in place and its readings are never reset. Numbers are never reused or
/// renumbered; one may be missing (a step still on its way from another line of work), see the migrator.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> Steps { get; } =
    [
        // 1: the reading log. Sensor/quantity/unit strings live once in `series` so that each reading row stays
        // a handful of integers and one REAL: fewer bytes per reading means fewer SD-card writes.
        new(1, """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE boots (id INTEGER PRIMARY KEY, boot_id TEXT NOT NULL UNIQUE, first_seen_ms INTEGER NOT NULL);
        CREATE TABLE series (
            id INTEGER PRIMARY KEY,
            sensor TEXT NOT NULL,
            quantity TEXT NOT NULL,
            unit TEXT NOT NULL,
            UNIQUE (sensor, quantity, unit));
        CREATE TABLE readings (
            seq INTEGER PRIMARY KEY,
            series INTEGER NOT NULL,
            value REAL NOT NULL,
            quality INTEGER NOT NULL,
            time_ms INTEGER NOT NULL,
            mono_ms INTEGER NOT NULL,
            boot INTEGER NOT NULL);
        CREATE TABLE upstream_cursors (name TEXT PRIMARY KEY, acked_seq INTEGER NOT NULL) WITHOUT ROWID;
        """),

        // 2: readings the gateway had to give up (storage quota, a corrupt page), so that every missing sequence
        // number is accounted for, locally and upstream.
        new(2, """
        CREATE TABLE gaps (
            first_seq INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            reason TEXT NOT NULL,
            recorded_ms INTEGER NOT NULL,
            PRIMARY KEY (first_seq)) WITHOUT ROWID;
        """),

        // 3: what a calibrated sensor really measured and which calibration turned it into the value, so every value
        // can be traced and recomputed. NULL (one header byte) for the many readings that need no calibration.
        new(3, """
        ALTER TABLE readings ADD COLUMN raw_value REAL;
        ALTER TABLE readings ADD COLUMN raw_unit TEXT;
        ALTER TABLE readings ADD COLUMN calibration_id TEXT;
        """),

        // 4: hourly rollups per series, the dashboard's long history, kept far longer than the readings themselves.
        // One row per series and hour (hours since 1970): how many usable readings, how many of those carry a warning
        // flag, how many were left out as unusable, and min / sum / max of the usable values (sum, not mean, so that
        // hours merge exactly). meta 'rollup_seq' says which readings they hold: exactly those with seq <= it.
        new(4, """
        CREATE TABLE rollups (
            series INTEGER NOT NULL,
            hour INTEGER NOT NULL,
            usable INTEGER NOT NULL,
            flagged INTEGER NOT NULL,
            unusable INTEGER NOT NULL,
            min_value REAL,
            sum_value REAL NOT NULL,
            max_value REAL,
            PRIMARY KEY (series, hour)) WITHOUT ROWID;
        """),

        // 5: acknowledged spans above an upstream's contiguous prefix. An upstream draining newest-first (or sending
        // live readings ahead of a backlog) has acknowledged readings above a hole; a single cursor cannot say which.
        // One row per span, a handful per upstream at most: one per outage whose backlog is not yet drained.
        new(5, """
        CREATE TABLE upstream_acked (
            name TEXT NOT NULL,
            first_seq INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            PRIMARY KEY (name, first_seq)) WITHOUT ROWID;
        """),
    ];
}
