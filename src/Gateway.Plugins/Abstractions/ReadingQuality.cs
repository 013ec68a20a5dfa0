namespace SmartVillage.Plugins.Abstractions;

/// <summary>
/// What is known to be wrong with a value. Flagged readings are stored and forwarded with their flags,
/// never silently dropped or replaced, so a consumer can decide what to trust.
/// </summary>
[Flags]
public enum ReadingQuality
{
    Good = 0,
    OutOfRange = 1 << 0,
    RateOfChange = 1 << 1,
    Stuck = 1 << 2,
    SensorError = 1 << 3,
    Uncalibrated = 1 << 4,
    ClockUntrusted = 1 << 5,
    Simulated = 1 << 6,

    /// <summary>Taken before the clock was trusted; its time was re-based from the monotonic clock once it was.</summary>
    TimeRebased = 1 << 7,

    /// <summary>A calibration was applied but is older than the sensor's allowed age: recalibrate.</summary>
    CalibrationDue = 1 << 8,

    /// <summary>Taken while the probe was being calibrated: it sat in a buffer or standard, not in what it monitors.</summary>
    Calibrating = 1 << 9,
}
