using System.Threading.Channels;

namespace SmartVillage.Hardware.Simulation.Serial;

/// <summary>
/// The host's end of a serial line to one <see cref="ISerialDeviceModel"/>, as the duplex <see cref="Stream"/> a serial
/// port gives: writes reach the device at once; reads wait (asynchronously, cancellably) for what it sends back.
/// A device that does not answer leaves a read waiting until the caller's own timeout cancels it, as on a real line.
/// </summary>
public sealed class SimulatedSerialStream : Stream
{
    private readonly ISerialDeviceModel _device;
    private readonly int _baudRate;
    private readonly Channel<ReadOnlyMemory<byte>> _received = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();
    private ReadOnlyMemory<byte> _pending;

    public SimulatedSerialStream(ISerialDeviceModel device, int baudRate)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _baudRate = baudRate;
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_baudRate != _device.BaudRate)
        {
            return; // At the wrong speed the device sees framing errors, not a request.
        }

        _device.Receive(buffer, reply => _received.Writer.TryWrite(reply.ToArray()));
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pending.IsEmpty)
        {
            _pending = await _received.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }

        var count = Math.Min(buffer.Length, _pending.Length);
        _pending[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Synchronous reads only return bytes already received (0 when none): the simulation never blocks a thread.</summary>
    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_pending.IsEmpty && !_received.Reader.TryRead(out _pending))
        {
            return 0;
        }

        var n = Math.Min(count, _pending.Length);
        _pending[..n].Span.CopyTo(buffer.AsSpan(offset, n));
        _pending = _pending[n..];
        return n;
    }

    public override void Flush()
    {
    }

    /// <summary>Nothing is buffered: completes at once (the base class would queue a synchronous flush on the pool).</summary>
    public override Task FlushAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
