using System.Globalization;
using Microsoft.Data.Sqlite;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Storage.Rollups;

/// <summary>
/// Keeps the hourly rollups, on the writer's own connection (the single writer). The rollups hold exactly the readings
/// whose sequence number is at or below the watermark (meta <c>rollup_seq</c>); readings above it are only in the log.
/// Each step merges a range of readings into their hours and moves the watermark in the same transaction, so a crash
/// or a restart at any point neither loses a reading from the history nor counts one twice.
/// </summary>
/// <remarks>
/// Readings are merged by sequence number, not by time, so a reading stored late for an earlier hour (a node's
/// backlog) is simply merged into that hour. Routine steps stop before the hour in progress (one write per hour, not
/// per pass) and before the first reading of this boot whose clock was not trusted yet: its time will change when the
/// clock becomes trusted (re-base), and a rollup must never hold a reading at a time it will not keep.
/// </remarks>
internal sealed class HourlyRollups(SqliteConnection connection, long bootRow, TimeProvider time)
{
    /// <summary>Sequence numbers per transaction: short transactions keep the writer's commits flowing.</summary>
    private const long Chunk = 20_000;

    private static readonly string Merge = $"""
        INSERT INTO rollups (series, hour, usable, flagged, unusable, min_value, sum_value, max_value)
        SELECT series, {RollupSql.HourOf("time_ms")} AS h,
               count(*) FILTER (WHERE (quality & {RollupSql.Unusable}) = 0),
               count(*) FILTER (WHERE (quality & {RollupSql.Unusable}) = 0 AND (quality & {RollupSql.Warning}) != 0),
               count(*) FILTER (WHERE (quality & {RollupSql.Unusable}) != 0),
               min(value) FILTER (WHERE (quality & {RollupSql.Unusable}) = 0),
               total(value) FILTER (WHERE (quality & {RollupSql.Unusable}) = 0),
               max(value) FILTER (WHERE (quality & {RollupSql.Unusable}) = 0)
        FROM readings WHERE seq > $after AND seq <= $through
        GROUP BY series, h
        ON CONFLICT (series, hour) DO UPDATE SET
            usable = usable + excluded.usable,
            flagged = flagged + excluded.flagged,
            unusable = unusable + excluded.unusable,
            min_value = coalesce(min(min_value, excluded.min_value), min_value, excluded.min_value),
            sum_value = sum_value + excluded.sum_value,
            max_value = coalesce(max(max_value, excluded.max_value), max_value, excluded.max_value);
        INSERT INTO meta (key, value) VALUES ('rollup_seq', $through)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value;
        """;

    /// <summary>Every reading with a sequence number at or below this is in the rollups; none above.</summary>
    public long Watermark() => Long(connection, $"SELECT {RollupSql.Watermark}");

    /// <summary>
    /// Rolls up the readings stored before the hour <paramref name="now"/> is in, except from the first reading of this
    /// boot that still waits for its re-base. Stops after <paramref name="budget"/> (at least one step), so that a
    /// large backlog (an upgraded database) is rolled up over several passes without holding up the writer.
    /// </summary>
    public RollupProgress RollUpCompletedHours(DateTimeOffset now, TimeSpan budget)
    {
        var started = time.GetTimestamp();
        var after = Watermark();
        var nowMs = now.ToUnixTimeMilliseconds();
        var hourStart = nowMs - (((nowMs % RollupSql.HourMs) + RollupSql.HourMs) % RollupSql.HourMs);
        var target = SequenceRange.FirstAtOrAfter(connection, hourStart) - 1;
        if (target <= after)
        {
            return new RollupProgress(0, Behind: false);
        }

        if (FirstAwaitingRebase(after, target) is { } held)
        {
            target = held - 1;
        }

        long rows = 0;
        while (after < target)
        {
            var through = Math.Min(after + Chunk, target);
            rows += Step(after, through);
            after = through;
            if (after < target && time.GetElapsedTime(started) >= budget)
            {
                return new RollupProgress(rows, Behind: true);
            }
        }

        return new RollupProgress(rows, Behind: false);
    }

    /// <summary>
    /// Before readings up to <paramref name="sequence"/> are deleted: rolls all of them up, whatever their hour and
    /// even if their time was never trusted (they will not be there to re-base), so their history outlives them.
    /// </summary>
    public void RollUpThrough(long sequence)
    {
        var after = Watermark();
        while (after < sequence)
        {
            var through = Math.Min(after + Chunk, sequence);
            Step(after, through);
            after = through;
        }
    }

    /// <summary>Removes the rollups of hours before <paramref name="hour"/> (hours since 1970).</summary>
    public long RemoveHoursBefore(long hour)
    {
        using var command = connection.CreateCommand();
        // Per series (the key's first column), so this is a range search on the key, cheap enough for every pass.
        command.CommandText = "DELETE FROM rollups WHERE series IN (SELECT id FROM series) AND hour < $h";
        command.Parameters.AddWithValue("$h", hour);
        return command.ExecuteNonQuery();
    }

    /// <summary>Removes the rollups of the oldest <paramref name="hours"/> hours held; returns the rows removed.</summary>
    public long RemoveOldestHours(int hours)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM rollups WHERE hour < (SELECT min(hour) FROM rollups) + $k";
        command.Parameters.AddWithValue("$k", hours);
        return command.ExecuteNonQuery();
    }

    private long Step(long after, long through)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Merge;
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$through", through);
        var rows = command.ExecuteNonQuery();
        transaction.Commit();
        return rows - 1;
    }

    private long? FirstAwaitingRebase(long after, long through)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq FROM readings WHERE seq > $after AND seq <= $through AND boot = $boot " +
            $"AND (quality & {(int)ReadingQuality.ClockUntrusted}) != 0 ORDER BY seq LIMIT 1";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$through", through);
        command.Parameters.AddWithValue("$boot", bootRow);
        return command.ExecuteScalar() is long seq ? seq : null;
    }

    private static long Long(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

