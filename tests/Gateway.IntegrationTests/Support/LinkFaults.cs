namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>
/// What a <see cref="FaultProxy"/> does to the bytes it carries, in each direction. The defaults carry them untouched.
/// A village's cellular or long-range Wi-Fi link is slow, late, stalls now and then and drops connections.
/// </summary>
public sealed record LinkFaults
{
    public static LinkFaults Healthy { get; } = new();

    /// <summary>Each chunk is delivered this long after it was read (order is kept).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Up to this much extra delay per chunk, drawn at random (never reordering).</summary>
    public TimeSpan Jitter { get; init; }

    /// <summary>Bytes per second per direction; 0 = as fast as loopback goes.</summary>
    public int BytesPerSecond { get; init; }

    /// <summary>Chance per chunk that the link stalls (delivers nothing) for a while before it.</summary>
    public double StallChance { get; init; }

    public TimeSpan StallMin { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan StallMax { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Each connection is cut after a time drawn between these (null = never): the chunk being delivered at that
    /// moment goes out only in part, so the cut lands in the middle of an MQTT packet, then the sockets are reset
    /// (or, at random, closed).
    /// </summary>
    public TimeSpan? CutAfterMin { get; init; }

    public TimeSpan? CutAfterMax { get; init; }
}
