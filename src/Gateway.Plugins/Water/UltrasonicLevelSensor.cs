using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// Tank water level from a DFRobot A02YYUW ultrasonic sensor looking down from the lid, over a UART (9600 8N1) in
/// controlled mode: one byte from the host triggers a measurement, answered with <c>FF H L SUM</c> where distance =
/// H·256 + L mm and SUM = (FF + H + L) &amp; FF (DFRobot SEN0311 wiki; example <c>FF 07 A1 A7</c> = 1953 mm).
/// Level = tank depth (sensor face to bottom) − distance. A bad checksum or no frame in time is a failure.
/// </summary>
public sealed class UltrasonicLevelSensor : ISensor
{
    // Datasheet measuring range: 3 to 450 cm; below 3 cm the sensor is in its blind zone.
    private const int MinMillimetres = 30;
    private const int MaxMillimetres = 4500;

    private readonly Stream _line;
    private readonly TimeProvider _time;
    private readonly double _tankDepthMetres;
    private readonly TimeSpan _timeout;

    public UltrasonicLevelSensor(Stream line, TimeProvider time, double tankDepthMetres, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(time);
        _line = line;
        _time = time;
        _tankDepthMetres = tankDepthMetres;
        _timeout = timeout;
    }

    /// <summary>Distance in mm from one frame, or null when the frame's checksum or header is wrong.</summary>
    public static int? ParseFrame(ReadOnlySpan<byte> frame) =>
        frame.Length == 4 && frame[0] == 0xFF && (byte)(frame[0] + frame[1] + frame[2]) == frame[3]
            ? (frame[1] << 8) | frame[2]
            : null;

    public async ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var frame = new byte[4];
        try
        {
            await _line.WriteAsync(new byte[] { 0x55 }, linked.Token).ConfigureAwait(false);
            // Hunt for the header: after a glitch the line may start mid-frame.
            do
            {
                await _line.ReadExactlyAsync(frame.AsMemory(0, 1), linked.Token).ConfigureAwait(false);
            }
            while (frame[0] != 0xFF);

            await _line.ReadExactlyAsync(frame.AsMemory(1, 3), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return SensorSample.Failure($"A02YYUW sent no frame within {_timeout.TotalMilliseconds:0} ms");
        }
        catch (EndOfStreamException)
        {
            return SensorSample.Failure("A02YYUW serial line closed");
        }

        if (ParseFrame(frame) is not { } millimetres)
        {
            return SensorSample.Failure($"A02YYUW frame {Convert.ToHexString(frame)} failed its checksum");
        }

        var quality = millimetres is < MinMillimetres or > MaxMillimetres ? ReadingQuality.OutOfRange : ReadingQuality.Good;
        var level = _tankDepthMetres - (millimetres / 1000.0);
        if (level < 0)
        {
            quality |= ReadingQuality.OutOfRange; // Farther than the bottom: an echo from beyond, or a wrong TankDepthMetres.
        }

        return SensorSample.Success(
            new Measurement("water-level", "m", Math.Round(level, 3), quality) { RawValue = millimetres, RawUnit = "mm" });
    }

    public void Dispose() => _line.Dispose();
}
