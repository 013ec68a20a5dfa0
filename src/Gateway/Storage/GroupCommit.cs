using System.Globalization;
using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage.Acknowledgements;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Storage;

/// <summary>
/// Writes one group of commands in one transaction with prepared statements: the readings, the highest sequence
/// number given (so it is never given again), and what the upstreams had acknowledged. Either all of it commits or none.
/// </summary>
internal sealed class GroupCommit : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly long _bootRow;
    private readonly Dictionary<(string Sensor, string Quantity, string Unit), long> _series = [];
    private readonly List<(RebaseCommand Command, long Count)> _rebased = [];
    private readonly SqliteCommand _insertReading;
    private readonly SqliteCommand _findSeries;
    private readonly SqliteCommand _insertSeries;
    private readonly Dictionary<string, List<SequenceSpan>> _acknowledged = [];

    public GroupCommit(SqliteConnection connection, long bootRow)
    {
        _connection = connection;
        _bootRow = bootRow;
        _insertReading = Prepare(
            "INSERT INTO readings (seq, series, value, quality, time_ms, mono_ms, boot, raw_value, raw_unit, calibration_id) " +
            "VALUES ($seq, $series, $value, $quality, $time, $mono, $boot, $raw, $rawUnit, $calibration)",
            "$seq", "$series", "$value", "$quality", "$time", "$mono", "$boot", "$raw", "$rawUnit", "$calibration");
        _findSeries = Prepare("SELECT id FROM series WHERE sensor = $s AND quantity = $q AND unit = $u", "$s", "$q", "$u");
        _insertSeries = Prepare("INSERT INTO series (sensor, quantity, unit) VALUES ($s, $q, $u) RETURNING id", "$s", "$q", "$u");
    }

    /// <returns>The highest sequence number written (first - 1 when the group held no readings).</returns>
    public long Write(IReadOnlyList<WriteCommand> commands, long firstSequence)
    {
        using var transaction = _connection.BeginTransaction();
        try
        {
            var sequence = firstSequence;
            foreach (var command in commands)
            {
                switch (command)
                {
                    case AppendCommand append:
                        foreach (var reading in append.Readings)
                        {
                            InsertReading(transaction, sequence++, reading);
                        }

                        break;
                    case AcknowledgeCommand acknowledge:
                        // Gathered per upstream and merged once below: one read and one write per upstream per group.
                        if (!_acknowledged.TryGetValue(acknowledge.Upstream, out var spans))
                        {
                            _acknowledged[acknowledge.Upstream] = spans = [];
                        }

                        spans.AddRange(acknowledge.Spans);
                        break;
                    case RebaseCommand rebase:
                        _rebased.Add((rebase, Rebase(transaction, rebase)));
                        break;
                }
            }

            foreach (var (upstream, spans) in _acknowledged)
            {
                AcknowledgementTable.Add(_connection, transaction, upstream, spans);
            }

            // The highest sequence number given is max(seq) of the readings; meta.last_seq keeps it only when rows
            // holding it are about to be deleted (QuotaKeeper), which saves a page write on every commit.
            var last = sequence - 1;
            transaction.Commit();
            foreach (var (command, count) in _rebased)
            {
                command.Rebased.TrySetResult(count);
            }

            return last;
        }
        catch (Exception exception)
        {
            // Series ids created inside the failed transaction no longer exist.
            _series.Clear();
            foreach (var (command, _) in _rebased)
            {
                command.Rebased.TrySetException(exception);
            }

            throw;
        }
        finally
        {
            _rebased.Clear();
            _acknowledged.Clear();
        }
    }

    private long Rebase(SqliteTransaction transaction, RebaseCommand rebase)
    {
        const int untrusted = (int)ReadingQuality.ClockUntrusted;
        const int rebased = (int)ReadingQuality.TimeRebased;
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        // Readings already in the hourly rollups keep their time (and their flag): the rollups hold them at that time.
        // Routine rollups stop before this boot's untrusted readings, so only readings rolled up because the quota
        // deleted them (and whose deletion then failed) can be there.
        command.CommandText =
            "UPDATE readings SET time_ms = $wall - ($mono - mono_ms), " +
            $"quality = (quality & ~{untrusted}) | {rebased} " +
            $"WHERE boot = $boot AND (quality & {untrusted}) != 0 AND mono_ms <= $mono AND seq > {Rollups.RollupSql.Watermark}";
        command.Parameters.AddWithValue("$wall", rebase.WallNowMilliseconds);
        command.Parameters.AddWithValue("$mono", rebase.MonotonicNowMilliseconds);
        command.Parameters.AddWithValue("$boot", rebase.BootRow);
        return command.ExecuteNonQuery();
    }

    private void InsertReading(SqliteTransaction transaction, long sequence, NewReading reading)
    {
        Run(_insertReading, transaction, sequence, SeriesId(transaction, reading), reading.Value, (int)reading.Quality,
            reading.Time.ToUnixTimeMilliseconds(), reading.MonotonicMilliseconds, _bootRow,
            reading.RawValue is { } raw ? raw : DBNull.Value, (object?)reading.RawUnit ?? DBNull.Value, (object?)reading.CalibrationId ?? DBNull.Value);
    }

    private long SeriesId(SqliteTransaction transaction, NewReading reading)
    {
        var key = (reading.SensorId, reading.Quantity, reading.Unit);
        if (_series.TryGetValue(key, out var id))
        {
            return id;
        }

        _findSeries.Transaction = transaction;
        SetParameters(_findSeries, reading.SensorId, reading.Quantity, reading.Unit);
        var found = _findSeries.ExecuteScalar();
        if (found is null)
        {
            _insertSeries.Transaction = transaction;
            SetParameters(_insertSeries, reading.SensorId, reading.Quantity, reading.Unit);
            found = _insertSeries.ExecuteScalar();
        }

        id = Convert.ToInt64(found, CultureInfo.InvariantCulture);
        _series[key] = id;
        return id;
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction, params object[] values)
    {
        command.Transaction = transaction;
        SetParameters(command, values);
        command.ExecuteNonQuery();
    }

    private static void SetParameters(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    public void Dispose()
    {
        _insertReading.Dispose();
        _findSeries.Dispose();
        _insertSeries.Dispose();
    }
}
