using System.Text.Json;
using SmartVillage.Plugins.Persistence;

namespace SmartVillage.Plugins.Weather;

/// <summary>
/// Tips of a rain gauge in the current hour and the current local day, kept in a small JSON file next to the data so
/// that totals survive a restart or a power cut. Each tip rewrites the file atomically (temporary file, flush, rename):
/// at 100 mm/h that is one small write every 10 s, acceptable for an SD card; dry hours write nothing.
/// </summary>
public sealed class RainTotals
{
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private State _state;
    private string? _saveError;

    public RainTotals(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        _path = Path.GetFullPath(path);
        _time = time;
        _state = Load(_path) ?? new State(default, 0, default, 0);
    }

    /// <summary>Counts one tip now.</summary>
    public void AddTip()
    {
        lock (_gate)
        {
            var current = Rolled(_state);
            _state = current with { HourTips = current.HourTips + 1, DayTips = current.DayTips + 1 };
            try
            {
                Save(_state);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A tip arrives on the GPIO event thread, where an exception would end the process. The tip stays
                // counted in memory; the next read reports that it would not survive a restart.
                _saveError = $"rain totals could not be saved to {_path}: {e.Message}";
            }
        }
    }

    /// <summary>Why the last save failed, once: asking clears it until the next failure.</summary>
    public string? TakeSaveError()
    {
        lock (_gate)
        {
            var error = _saveError;
            _saveError = null;
            return error;
        }
    }

    /// <summary>Tips so far in the current clock hour and local day.</summary>
    public (int Hour, int Day) Current()
    {
        lock (_gate)
        {
            var current = Rolled(_state);
            return (current.HourTips, current.DayTips);
        }
    }

    /// <summary>The state with hour and day reset if the clock has moved into a new hour or day since.</summary>
    private State Rolled(State state)
    {
        var local = _time.GetLocalNow();
        var hour = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
        var day = new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, local.Offset);
        return new State(
            hour,
            state.Hour == hour ? state.HourTips : 0,
            day,
            state.Day == day ? state.DayTips : 0);
    }

    private void Save(State state)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, state, PluginsJson.Default.State);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, _path, overwrite: true);
    }

    private static State? Load(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), PluginsJson.Default.State) : null;
        }
        catch (JsonException)
        {
            // A damaged counter file loses at most today's total; refusing to start would lose all rain from now on.
            return null;
        }
    }

    internal sealed record State(DateTimeOffset Hour, int HourTips, DateTimeOffset Day, int DayTips);
}
