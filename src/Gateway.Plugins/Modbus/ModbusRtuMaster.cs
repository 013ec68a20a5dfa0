using System.Buffers.Binary;

namespace SmartVillage.Plugins.Modbus;

/// <summary>
/// A Modbus RTU client (master) for register reads, functions 03 (holding) and 04 (input), over any duplex stream:
/// a serial port with an RS485 adapter, or a simulated line. Frames follow Modbus over Serial Line V1.02 §2.5.1:
/// unit, function, data, CRC-16 low byte first.
/// </summary>
/// <remarks>
/// <para>Concurrency: one request at a time per line (RS485 is half duplex and answers carry no request id); calls are
/// serialised by an internal lock, so several probes on one bus can share a master.</para>
/// <para>Failures are values (<see cref="ModbusReadResult"/>): timeout, CRC error, exception response, malformed
/// answer. After any failure the master discards whatever else arrives within <see cref="ModbusRtuOptions.TurnaroundDelay"/>
/// before the next request, so the tail of a bad frame cannot be read as the start of the next answer.</para>
/// </remarks>
public sealed class ModbusRtuMaster : IDisposable
{
    private readonly Stream _line;
    private readonly TimeProvider _time;
    private readonly ModbusRtuOptions _options;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private bool _lineDirty;

    public ModbusRtuMaster(Stream line, TimeProvider time, ModbusRtuOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(time);
        _line = line;
        _time = time;
        _options = options ?? new ModbusRtuOptions();
    }

    /// <summary>Releases the master's lock; the line belongs to whoever opened it.</summary>
    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>Function 03: read <paramref name="count"/> holding registers from <paramref name="start"/>.</summary>
    public Task<ModbusReadResult> ReadHoldingRegistersAsync(byte unit, ushort start, ushort count, CancellationToken cancellationToken) =>
        ReadRegistersAsync(unit, 0x03, start, count, cancellationToken);

    /// <summary>Function 04: read <paramref name="count"/> input registers from <paramref name="start"/>.</summary>
    public Task<ModbusReadResult> ReadInputRegistersAsync(byte unit, ushort start, ushort count, CancellationToken cancellationToken) =>
        ReadRegistersAsync(unit, 0x04, start, count, cancellationToken);

    /// <summary>The 8-byte request frame for a register read (public so tests can compare with documented frames).</summary>
    public static byte[] RequestFrame(byte unit, byte function, ushort start, ushort count)
    {
        var frame = new byte[8];
        frame[0] = unit;
        frame[1] = function;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), start);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), count);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(6), ModbusCrc.Compute(frame.AsSpan(0, 6)));
        return frame;
    }

    private async Task<ModbusReadResult> ReadRegistersAsync(
        byte unit, byte function, ushort start, ushort count, CancellationToken cancellationToken)
    {
        // §6.12 (application protocol): 1 to 125 registers per read; unit 0 is broadcast, which never answers a read.
        ArgumentOutOfRangeException.ThrowIfZero(unit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(unit, (byte)247);
        ArgumentOutOfRangeException.ThrowIfZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, (ushort)125);
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lineDirty)
            {
                await DiscardAsync(cancellationToken).ConfigureAwait(false);
            }

            var result = await ExchangeAsync(unit, function, start, count, cancellationToken).ConfigureAwait(false);
            _lineDirty = result.Status is ModbusReadStatus.Timeout or ModbusReadStatus.CrcError or ModbusReadStatus.MalformedResponse;
            return result;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<ModbusReadResult> ExchangeAsync(byte unit, byte function, ushort start, ushort count, CancellationToken cancellationToken)
    {
        // The timeout runs from the moment the request is sent, and covers the write too: a serial port whose
        // transmitter is stuck is as dead as a probe that never answers.
        using var timeout = new CancellationTokenSource(_options.ResponseTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var answer = new byte[5 + (2 * count)];
        try
        {
            await _line.WriteAsync(RequestFrame(unit, function, start, count), linked.Token).ConfigureAwait(false);
            await _line.FlushAsync(linked.Token).ConfigureAwait(false);

            // Unit, function and the third byte (byte count, or exception code) tell how long the rest is.
            await ReadExactlyAsync(answer.AsMemory(0, 3), linked.Token).ConfigureAwait(false);
            if (answer[0] != unit || (answer[1] & 0x7F) != function)
            {
                return ModbusReadResult.Failure(ModbusReadStatus.MalformedResponse,
                    $"answer starts {answer[0]:X2} {answer[1]:X2}, not unit {unit:X2} function {function:X2}");
            }

            if ((answer[1] & 0x80) != 0)
            {
                await ReadExactlyAsync(answer.AsMemory(3, 2), linked.Token).ConfigureAwait(false);
                return ModbusCrc.IsValid(answer.AsSpan(0, 5))
                    ? ModbusReadResult.Exception((ModbusExceptionCode)answer[2])
                    : ModbusReadResult.Failure(ModbusReadStatus.CrcError, "exception answer failed its CRC check");
            }

            if (answer[2] != 2 * count)
            {
                return ModbusReadResult.Failure(ModbusReadStatus.MalformedResponse,
                    $"answer announces {answer[2]} data bytes for {count} registers");
            }

            await ReadExactlyAsync(answer.AsMemory(3), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ModbusReadResult.Failure(ModbusReadStatus.Timeout,
                $"no complete answer from unit {unit} within {_options.ResponseTimeout.TotalMilliseconds:0} ms");
        }

        if (!ModbusCrc.IsValid(answer))
        {
            return ModbusReadResult.Failure(ModbusReadStatus.CrcError, $"answer from unit {unit} failed its CRC check");
        }

        var registers = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            registers[i] = BinaryPrimitives.ReadUInt16BigEndian(answer.AsSpan(3 + (2 * i)));
        }

        return ModbusReadResult.Success(registers);
    }

    private async Task ReadExactlyAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (!buffer.IsEmpty)
        {
            var read = await _line.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException("The serial line was closed.");
            }

            buffer = buffer[read..];
        }
    }

    /// <summary>Reads and drops bytes until the line has been quiet for the turnaround delay.</summary>
    private async Task DiscardAsync(CancellationToken cancellationToken)
    {
        var scrap = new byte[256];
        while (true)
        {
            using var quiet = new CancellationTokenSource(_options.TurnaroundDelay, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, quiet.Token);
            try
            {
                if (await _line.ReadAsync(scrap, linked.Token).ConfigureAwait(false) == 0)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (quiet.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return; // Quiet long enough: the line is clean.
            }
        }
    }
}
