using System.Globalization;
using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Storage.Schema;

namespace SmartVillage.Gateway.Storage.Recovery;

/// <summary>
/// Copies what can still be read from a damaged database into a fresh one: small tables (and the rollups) row by row, readings in
/// chunks, stepping over unreadable regions (each recorded as a gap with reason <c>corruption</c>). The sequence
/// then continues above the highest number the old file is known to have given, so no number is given twice.
/// </summary>
internal static class Salvage
{
    private const int Chunk = 1000;
    private const string Columns = "seq, series, value, quality, time_ms, mono_ms, boot";

    private static bool HasColumn(SqliteConnection source, string column)
    {
        try
        {
            using var command = source.CreateCommand();
            command.CommandText = "SELECT count(*) FROM pragma_table_info('readings') WHERE name = $c";
            command.Parameters.AddWithValue("$c", column);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public static SalvageReport Recover(string damagedPath, SqliteConnections fresh, TimeProvider time)
    {
        using var target = fresh.Open();
        SchemaMigrator.Migrate(target);
        var lost = new List<(long First, long Last)>();
        long recovered = 0;
        long highestGiven = 0;
        try
        {
            using var source = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = damagedPath,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            source.Open();
            using var transaction = target.BeginTransaction();
            // Which schema steps ran is the fresh file's own business: the damaged file's record would undo it.
            CopyRows(source, target, transaction, "meta", "key <> 'schema_steps'");
            foreach (var table in new[] { "boots", "series", "upstream_cursors", "upstream_acked", "gaps", "rollups" })
            {
                CopyRows(source, target, transaction, table);
            }

            highestGiven = HighestKnown(source, target, transaction);
            KeepRollupsConsistent(target, transaction, highestGiven);
            recovered = CopyReadings(source, target, transaction, highestGiven, lost);
            transaction.Commit();
        }
        catch (SqliteException)
        {
            // Not even the header can be read: nothing to copy. The sequence restarts above what the cursors say.
        }

        Finish(target, highestGiven, lost, time);
        return new SalvageReport(damagedPath, recovered, lost);
    }

    private static long CopyReadings(SqliteConnection source, SqliteConnection target, SqliteTransaction transaction, long highestGiven, List<(long, long)> lost)
    {
        using var insert = target.CreateCommand();
        insert.Transaction = transaction;
        // A file from before schema 3 has no raw/calibration columns: copy what it has.
        var columns = HasColumn(source, "calibration_id") ? Columns + ", raw_value, raw_unit, calibration_id" : Columns;
        var count = columns.Split(',').Length;
        insert.CommandText = $"INSERT OR IGNORE INTO readings ({columns}) VALUES ({string.Join(", ", Enumerable.Range(0, count).Select(i => "$" + i))})";
        for (var i = 0; i < count; i++)
        {
            insert.Parameters.Add(new SqliteParameter("$" + i, null));
        }

        long copied = 0;
        long next = 1;
        var misses = 0;
        while (highestGiven == 0 || next <= highestGiven)
        {
            var rows = ReadChunk(source, next, columns);
            if (rows is null)
            {
                // An unreadable page: step over it a few rows at a time (a leaf holds about a hundred readings),
                // then in growing steps when a whole subtree is gone.
                var step = misses < 4096 ? 16L : 1L << Math.Min(misses - 4092, 40);
                RecordLost(lost, next, next + step - 1);
                next += step;
                if (++misses > 4200 && highestGiven == 0)
                {
                    break;
                }

                continue;
            }

            misses = 0;
            if (rows.Count == 0)
            {
                break;
            }

            foreach (var row in rows)
            {
                for (var i = 0; i < count; i++)
                {
                    insert.Parameters[i].Value = row[i];
                }

                copied += insert.ExecuteNonQuery();
            }

            next = Convert.ToInt64(rows[^1][0], CultureInfo.InvariantCulture) + 1;
        }

        // Whatever the old file had given beyond what could be read is lost too.
        if (highestGiven >= next)
        {
            RecordLost(lost, next, highestGiven);
        }

        TrimLost(lost, highestGiven);
        return copied;
    }

    /// <returns>The rows readable from <paramref name="from"/> on (stopping at damage), or null when none could be read.</returns>
    private static List<object[]>? ReadChunk(SqliteConnection source, long from, string columns)
    {
        var rows = new List<object[]>(Chunk);
        try
        {
            using var command = source.CreateCommand();
            command.CommandText = $"SELECT {columns} FROM readings WHERE seq >= $from ORDER BY seq LIMIT {Chunk}";
            command.Parameters.AddWithValue("$from", from);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }
        }
        catch (SqliteException)
        {
            // Keep the rows read before the damaged page; the next chunk starts at the damage and steps over it.
            return rows.Count > 0 ? rows : null;
        }

        return rows;
    }

    private static void CopyRows(SqliteConnection source, SqliteConnection target, SqliteTransaction transaction, string table, string where = "1")
    {
        try
        {
            using var read = source.CreateCommand();
            read.CommandText = $"SELECT * FROM {table} WHERE {where}";
            using var reader = read.ExecuteReader();
            using var insert = target.CreateCommand();
            insert.Transaction = transaction;
            var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            insert.CommandText = $"INSERT OR REPLACE INTO {table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => "$" + i))})";
            var parameters = names.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$" + i, null))).ToList();
            while (reader.Read())
            {
                for (var i = 0; i < parameters.Count; i++)
                {
                    parameters[i].Value = reader.GetValue(i);
                }

                insert.ExecuteNonQuery();
            }
        }
        catch (SqliteException)
        {
            // A damaged small table (or one an older file does not have): keep what was copied before the damage.
        }
    }

    /// <summary>
    /// The rollups hold exactly the readings at or below the watermark kept in meta. Rollups copied without their
    /// watermark (a damaged meta page) are taken to hold every reading the old file had given: the history may then
    /// miss the hour before the damage (still in the day view's readings), but never counts a reading twice.
    /// Rollup pages that could not be read leave holes in the history, nothing worse.
    /// </summary>
    private static void KeepRollupsConsistent(SqliteConnection target, SqliteTransaction transaction, long highestGiven)
    {
        using var command = target.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO meta (key, value) SELECT 'rollup_seq', $v
            WHERE EXISTS (SELECT 1 FROM rollups) AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'rollup_seq')
            """;
        command.Parameters.AddWithValue("$v", highestGiven.ToString(CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    /// <summary>The highest sequence number the damaged file is known to have given: its meta, its readings, its acknowledgements.</summary>
    private static long HighestKnown(SqliteConnection source, SqliteConnection target, SqliteTransaction transaction)
    {
        long highest = 0;
        foreach (var sql in new[] { "SELECT max(seq) FROM readings", "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'last_seq'" })
        {
            try
            {
                using var command = source.CreateCommand();
                command.CommandText = sql;
                highest = Math.Max(highest, Convert.ToInt64(command.ExecuteScalar() is { } v and not DBNull ? v : 0L, CultureInfo.InvariantCulture));
            }
            catch (SqliteException)
            {
                // That source of truth is damaged; the others may not be.
            }
        }

        using var cursors = target.CreateCommand();
        cursors.Transaction = transaction;
        cursors.CommandText = "SELECT max((SELECT coalesce(max(acked_seq), 0) FROM upstream_cursors), (SELECT coalesce(max(last_seq), 0) FROM upstream_acked))";
        return Math.Max(highest, Convert.ToInt64(cursors.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    private static void Finish(SqliteConnection target, long highestGiven, List<(long First, long Last)> lost, TimeProvider time)
    {
        using var transaction = target.BeginTransaction();
        using var command = target.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(seq), 0) FROM readings";
        var last = Math.Max(highestGiven, Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture));
        command.CommandText = "INSERT INTO meta (key, value) VALUES ('last_seq', $v) ON CONFLICT (key) DO UPDATE SET value = $v";
        command.Parameters.AddWithValue("$v", last.ToString(CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
        foreach (var (first, lastLost) in lost)
        {
            using var gap = target.CreateCommand();
            gap.Transaction = transaction;
            gap.CommandText = "INSERT OR REPLACE INTO gaps (first_seq, last_seq, reason, recorded_ms) VALUES ($f, $l, 'corruption', $t)";
            gap.Parameters.AddWithValue("$f", first);
            gap.Parameters.AddWithValue("$l", lastLost);
            gap.Parameters.AddWithValue("$t", time.GetUtcNow().ToUnixTimeMilliseconds());
            gap.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void RecordLost(List<(long First, long Last)> lost, long first, long last)
    {
        if (lost.Count > 0 && lost[^1].Last + 1 >= first)
        {
            lost[^1] = (lost[^1].First, Math.Max(lost[^1].Last, last));
            return;
        }

        lost.Add((first, last));
    }

    /// <summary>Skips may overshoot the end of the log: nothing above the highest given number was ever a reading.</summary>
    private static void TrimLost(List<(long First, long Last)> lost, long highestGiven)
    {
        for (var i = lost.Count - 1; i >= 0; i--)
        {
            if (lost[i].First > highestGiven)
            {
                lost.RemoveAt(i);
            }
            else if (lost[i].Last > highestGiven)
            {
                lost[i] = (lost[i].First, highestGiven);
            }
        }
    }
}
