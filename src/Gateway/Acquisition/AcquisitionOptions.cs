namespace SmartVillage.Gateway.Acquisition;

/// <summary>How sensors are read and retried. Section <c>Acquisition</c>.</summary>
public sealed class AcquisitionOptions
{
    public const string Section = "Acquisition";

    /// <summary>A read that takes longer than this counts as a failure. Default 10 s.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A failing sensor is retried after its interval, doubling each time up to this cap. Default 5 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After this many failures in a row the driver is disposed and opened again (a re-seated connector). Default 3.</summary>
    public int ReopenAfterFailures { get; set; } = 3;

    /// <summary>
    /// Wall-clock times before this are not trusted (a board with no RTC boots in 1970 until NTP answers):
    /// readings taken then carry the <c>ClockUntrusted</c> flag. Default 2026-01-01.
    /// </summary>
    public DateTimeOffset ClockTrustedAfter { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Trust the clock only once systemd-timesyncd reports it synchronised (as well as being past
    /// <see cref="ClockTrustedAfter"/>). Default false: a kit with no route to an NTP server would never trust it.
    /// </summary>
    public bool RequireNtpSync { get; set; }

    /// <summary>How often the gateway checks whether the clock has become trusted. Default 10 s.</summary>
    public TimeSpan ClockCheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}
