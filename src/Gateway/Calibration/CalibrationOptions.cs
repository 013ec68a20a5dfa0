using System.Globalization;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Calibration;

/// <summary>Calibration sessions (dashboard, command line, HTTP API). Section <c>Calibration</c>.</summary>
public sealed class CalibrationOptions
{
    public const string Section = "Calibration";

    /// <summary>
    /// A session ends by itself this long after its last step (start, point recorded, result computed): the probe's
    /// readings stop being flagged and nothing is applied. Default 15 min.
    /// </summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The raw value must stay within the tolerance for this long before a point can be recorded. Default 30 s.</summary>
    public TimeSpan StableWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How much a pH electrode's potential may move over <see cref="StableWindow"/> and count as stable. Default 1 mV.</summary>
    public double PhStableWithinMillivolts { get; set; } = 1.0;

    /// <summary>How much an EC board's output may move over <see cref="StableWindow"/> and count as stable. Default 0.005 V.</summary>
    public double EcStableWithinVolts { get; set; } = 0.005;

    /// <summary>A sensor being calibrated is read at least this often, so the technician sees it settle. Default 2 s.</summary>
    public TimeSpan ReadInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A point is refused when the sensor's newest reading is older than this (the sensor stopped answering). Default 30 s.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limits a pH calibration must meet (slope 85-105 % of Nernst, offset within ±30 mV).</summary>
    public PhCalibrationLimits Ph { get; set; } = new();

    /// <summary>Limits an EC calibration must meet (cell constant 0.5-2, two standards within 10 %).</summary>
    public EcCalibrationLimits Ec { get; set; } = new();

    /// <summary>Every bad value, naming its key; empty when the options can run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Positive(nameof(SessionTimeout), SessionTimeout, problems);
        Positive(nameof(StableWindow), StableWindow, problems);
        Positive(nameof(ReadInterval), ReadInterval, problems);
        Positive(nameof(StaleAfter), StaleAfter, problems);
        if (!(PhStableWithinMillivolts > 0))
        {
            problems.Add($"{Section}:{nameof(PhStableWithinMillivolts)}: {Format(PhStableWithinMillivolts)} must be above 0");
        }

        if (!(EcStableWithinVolts > 0))
        {
            problems.Add($"{Section}:{nameof(EcStableWithinVolts)}: {Format(EcStableWithinVolts)} must be above 0");
        }

        if (!(Ph.MinSlopePercent > 0 && Ph.MinSlopePercent < Ph.MaxSlopePercent))
        {
            problems.Add($"{Section}:Ph:MinSlopePercent/MaxSlopePercent: {Format(Ph.MinSlopePercent)}-{Format(Ph.MaxSlopePercent)} is not a range above 0");
        }

        if (!(Ec.MinCellConstant > 0 && Ec.MinCellConstant < Ec.MaxCellConstant))
        {
            problems.Add($"{Section}:Ec:MinCellConstant/MaxCellConstant: {Format(Ec.MinCellConstant)}-{Format(Ec.MaxCellConstant)} is not a range above 0");
        }

        return problems;
    }

    private static void Positive(string key, TimeSpan value, List<string> problems)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{Section}:{key}: {value} must be longer than zero");
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
