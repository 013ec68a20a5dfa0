using System.Device.Gpio;
using System.Device.Spi;
using System.Threading.Channels;

namespace SmartVillage.Plugins.Radio.Sx127x;

/// <summary>
/// Semtech SX1276 / HopeRF RFM95W LoRa radio, receiving point-to-point packets in continuous RX
/// (datasheet §4.1.6 "Receive Operation"; sequence in domain notes §2.4).
/// </summary>
/// <remarks>
/// <para>Construct, then <see cref="StartAsync"/> (reset, version check, configuration, RXCONTINUOUS); read packets
/// from <see cref="Packets"/>. With DIO0 wired, its rising edge (RxDone) triggers the read on the GPIO driver's
/// callback thread; without it, RegIrqFlags is polled every <see cref="Sx1276Options.PollInterval"/>.</para>
/// <para>Concurrency: SPI access is serialised inside the driver; <see cref="Packets"/> has one reader at a time.
/// An SPI failure while receiving completes <see cref="Packets"/> with that exception.</para>
/// <para>Ownership: the driver disposes the <see cref="SpiDevice"/> and closes the pins it opened, but never disposes
/// the <see cref="GpioController"/>: the gateway shares one controller among drivers.</para>
/// </remarks>
public sealed class Sx1276 : IDisposable
{
    /// <summary>What RegVersion reads on a genuine SX1276 / RFM95.</summary>
    public const byte ExpectedVersion = 0x12;

    /// <summary>RESET is held low this long (datasheet §7.2.2 asks for more than 100 µs).</summary>
    public static readonly TimeSpan ResetPulse = TimeSpan.FromMilliseconds(10);

    /// <summary>Wait after releasing RESET before talking to the chip (datasheet §7.2.2 asks for 5 ms).</summary>
    public static readonly TimeSpan ResetRecovery = TimeSpan.FromMilliseconds(10);

    private const byte LongRangeMode = 0x80;
    private const byte ModeSleep = 0x00;
    private const byte ModeRxContinuous = 0x05;
    private const byte IrqRxDone = 0x40;
    private const byte IrqPayloadCrcError = 0x20;
    private const byte CrcOnPayload = 0x40;

    private readonly SpiDevice _spi;
    private readonly GpioController? _gpio;
    private readonly Sx1276Options _options;
    private readonly TimeProvider _time;
    private readonly Lock _spiLock = new();
    private readonly Channel<LoRaPacket> _packets;
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _rssiOffset;
    private readonly List<int> _openedPins = [];
    private PinChangeEventHandler? _dio0Handler;
    private bool _started;
    private bool _disposed;
    private long _received;
    private long _crcErrors;
    private long _overflowDrops;

    /// <param name="spiDevice">The radio's SPI device (mode 0, MSB first, up to 10 MHz); disposed with the driver.</param>
    /// <param name="gpioController">Controller for RESET and DIO0; needed only when the options name those pins.</param>
    /// <param name="options">Defaults: EU868 868.1 MHz, SF7, 125 kHz, 4/5, sync word 0x12, no pins (polling).</param>
    /// <param name="timeProvider">Clock for the reset delays, polling and receive times; the system clock by default.</param>
    /// <exception cref="ArgumentException">The options are invalid, or pins are named without a controller.</exception>
    public Sx1276(SpiDevice spiDevice, GpioController? gpioController = null, Sx1276Options? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(spiDevice);
        _options = options ?? new Sx1276Options();
        IReadOnlyList<string> problems = _options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid SX1276 options: " + string.Join("; ", problems), nameof(options));
        }

        if ((_options.ResetPin >= 0 || _options.Dio0Pin >= 0) && gpioController is null)
        {
            throw new ArgumentException("ResetPin or Dio0Pin is set but no GpioController was given.", nameof(gpioController));
        }

        _spi = spiDevice;
        _gpio = gpioController;
        _time = timeProvider ?? TimeProvider.System;
        FrequencyHz = _options.ResolveFrequencyHz();

        // Datasheet §5.5.5: the HF port (RFM95, bands at or above 779 MHz) uses -157, the LF port -164. Choosing by
        // 868 MHz instead (arduino-LoRa) would give IN865 and EU 863-868 channels the wrong offset.
        _rssiOffset = FrequencyHz >= 779_000_000 ? 157 : 164;
        _packets = Channel.CreateBounded<LoRaPacket>(new BoundedChannelOptions(_options.PacketQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // never waited on: TryWrite fails when full and the drop is counted
        });

        if (_options.ResetPin >= 0)
        {
            OpenPin(_options.ResetPin, PinMode.Output, PinValue.High);
        }

        if (_options.Dio0Pin >= 0)
        {
            OpenPin(_options.Dio0Pin, PinMode.Input, null);
        }
    }

    /// <summary>The carrier the radio tunes to, in Hz.</summary>
    public long FrequencyHz { get; }

    /// <summary>Received packets that passed their CRC, oldest first. Completed on dispose or an SPI failure.</summary>
    public ChannelReader<LoRaPacket> Packets => _packets.Reader;

    /// <summary>Packets received with a valid CRC, including those later dropped by a full queue.</summary>
    public long ReceivedCount => Interlocked.Read(ref _received);

    /// <summary>Packets rejected for a payload CRC error, or for carrying no CRC at all.</summary>
    public long CrcErrorCount => Interlocked.Read(ref _crcErrors);

    /// <summary>Valid packets dropped because <see cref="Packets"/> was full (the newest is dropped).</summary>
    public long OverflowDropCount => Interlocked.Read(ref _overflowDrops);

    /// <summary>Frf = f × 2^19 / 32 MHz, truncated (datasheet §4.1.4; 61.035 Hz per step).</summary>
    public static uint FrequencyToFrf(long frequencyHz) => (uint)(((ulong)frequencyHz << 19) / 32_000_000);

    /// <summary>Received packets as an async stream; ends when the driver is disposed.</summary>
    public IAsyncEnumerable<LoRaPacket> ReadPacketsAsync(CancellationToken cancellationToken = default) =>
        _packets.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Resets the radio, checks it is an SX1276, configures LoRa reception and starts receiving.</summary>
    /// <exception cref="Sx1276NotFoundException">RegVersion did not read 0x12.</exception>
    /// <exception cref="IOException">The chip refused LoRa mode.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_started)
        {
            throw new InvalidOperationException("The SX1276 is already receiving.");
        }

        _started = true;
        if (_options.ResetPin >= 0)
        {
            // Datasheet §7.2.2: RESET low for more than 100 µs, then 5 ms before the chip is ready.
            _gpio!.Write(_options.ResetPin, PinValue.Low);
            await Task.Delay(ResetPulse, _time, cancellationToken).ConfigureAwait(false);
            _gpio.Write(_options.ResetPin, PinValue.High);
            await Task.Delay(ResetRecovery, _time, cancellationToken).ConfigureAwait(false);
        }

        lock (_spiLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            byte version = ReadRegister(Register.Version);
            if (version != ExpectedVersion)
            {
                throw new Sx1276NotFoundException(version);
            }

            Configure();
        }

        if (_options.Dio0Pin >= 0)
        {
            _dio0Handler = OnDio0Rising;
            _gpio!.RegisterCallbackForPinValueChangedEvent(_options.Dio0Pin, PinEventTypes.Rising, _dio0Handler);

            // A packet that arrived before the callback was registered left DIO0 high: no new edge will come.
            ServiceInterruptSafely();
        }
        else
        {
            var timer = new PeriodicTimer(_options.PollInterval, _time);
            _ = PollAsync(timer, _stopping.Token);
        }
    }

    public void Dispose()
    {
        lock (_spiLock)
        {
            if (_disposed)
            {
                return;
            }

            if (_started)
            {
                try
                {
                    WriteRegister(Register.OpMode, LongRangeMode | ModeSleep);
                }
                catch (IOException)
                {
                    // The bus may already be gone (unplugged HAT); sleeping the radio is a courtesy, not a duty.
                }
            }

            _disposed = true;
        }

        _stopping.Cancel();
        if (_dio0Handler is not null)
        {
            _gpio!.UnregisterCallbackForPinValueChangedEvent(_options.Dio0Pin, _dio0Handler);
        }

        foreach (int pin in _openedPins)
        {
            if (_gpio!.IsPinOpen(pin))
            {
                _gpio.ClosePin(pin);
            }
        }

        _packets.Writer.TryComplete();
        _spi.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Steps 3-9 of the receive sequence (domain notes §2.4). Caller holds the SPI lock.</summary>
    private void Configure()
    {
        // LongRangeMode can change only in SLEEP (datasheet §6.4 RegOpMode): go to sleep first, then set the bit.
        WriteRegister(Register.OpMode, ModeSleep);
        WriteRegister(Register.OpMode, LongRangeMode | ModeSleep);
        byte opMode = ReadRegister(Register.OpMode);
        if (opMode != (LongRangeMode | ModeSleep))
        {
            throw new IOException($"SX1276 refused LoRa mode: RegOpMode (0x01) read 0x{opMode:X2}, expected 0x80");
        }

        uint frf = FrequencyToFrf(FrequencyHz);
        WriteRegisters(Register.FrfMsb, [(byte)(frf >> 16), (byte)(frf >> 8), (byte)frf]);
        WriteRegister(Register.FifoTxBaseAddr, 0x00);
        WriteRegister(Register.FifoRxBaseAddr, 0x00);

        // LnaGain G1 (0x20); LnaBoostHf 0x03 only on the HF port.
        WriteRegister(Register.Lna, _rssiOffset == 157 ? (byte)0x23 : (byte)0x20);

        int sf = _options.SpreadingFactor;
        bool implicitHeader = _options.ImplicitHeaderLength is not null;
        WriteRegister(Register.ModemConfig1, (byte)(((int)_options.Bandwidth << 4) | ((int)_options.CodingRate << 1) | (implicitHeader ? 1 : 0)));
        WriteRegister(Register.ModemConfig2, (byte)((sf << 4) | 0x04)); // RxPayloadCrcOn

        // LowDataRateOptimize is mandated when a symbol (2^SF / BW) lasts more than 16 ms; AgcAutoOn always.
        double symbolMs = (1 << sf) * 1000.0 / _options.Bandwidth.ToHertz();
        WriteRegister(Register.ModemConfig3, (byte)((symbolMs > 16 ? 0x08 : 0x00) | 0x04));
        if (implicitHeader)
        {
            WriteRegister(Register.PayloadLength, (byte)_options.ImplicitHeaderLength!.Value);
        }

        WriteRegister(Register.DetectOptimize, sf == 6 ? (byte)0xC5 : (byte)0xC3);
        WriteRegister(Register.DetectionThreshold, sf == 6 ? (byte)0x0C : (byte)0x0A);
        WriteRegister(Register.SyncWord, _options.SyncWord);
        WriteRegister(Register.DioMapping1, 0x00); // DIO0 = RxDone
        WriteRegister(Register.IrqFlagsMask, 0x00);
        WriteRegister(Register.IrqFlags, 0xFF);
        WriteRegister(Register.OpMode, LongRangeMode | ModeRxContinuous);
    }

    private async Task PollAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        using (timer)
        {
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    ServiceInterruptSafely();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Disposed: polling ends.
            }
        }
    }

    private void OnDio0Rising(object sender, PinValueChangedEventArgs args) => ServiceInterruptSafely();

    /// <summary>
    /// Runs on a GPIO callback thread or the polling loop, where an exception would be lost or crash the process:
    /// an SPI failure ends <see cref="Packets"/> with the exception instead, so the reader learns of it.
    /// </summary>
    private void ServiceInterruptSafely()
    {
        try
        {
            ServiceInterrupt();
        }
        catch (IOException ex)
        {
            _packets.Writer.TryComplete(ex);
        }
    }

    /// <summary>Step 10 of the receive sequence: read and clear RegIrqFlags, then read the packet from the FIFO.</summary>
    private void ServiceInterrupt()
    {
        lock (_spiLock)
        {
            if (_disposed)
            {
                return;
            }

            byte flags = ReadRegister(Register.IrqFlags);
            if (flags == 0)
            {
                return;
            }

            WriteRegister(Register.IrqFlags, flags);
            if ((flags & IrqRxDone) == 0)
            {
                return;
            }

            // With an explicit header the chip says whether the node sent a CRC; a packet without one cannot be trusted.
            bool hasCrc = _options.ImplicitHeaderLength is not null || (ReadRegister(Register.HopChannel) & CrcOnPayload) != 0;
            if ((flags & IrqPayloadCrcError) != 0 || !hasCrc)
            {
                Interlocked.Increment(ref _crcErrors);
                return;
            }

            int length = ReadRegister(Register.RxNbBytes);
            WriteRegister(Register.FifoAddrPtr, ReadRegister(Register.FifoRxCurrentAddr));
            byte[] payload = new byte[length];
            ReadRegisters(Register.Fifo, payload);

            // Datasheet §5.5.5: SNR = (int8)RegPktSnrValue / 4 dB; RSSI = -offset + PktRssi, plus SNR when SNR < 0.
            double snr = (sbyte)ReadRegister(Register.PktSnrValue) / 4.0;
            double rssi = -_rssiOffset + ReadRegister(Register.PktRssiValue) + (snr < 0 ? snr : 0);
            Interlocked.Increment(ref _received);
            if (!_packets.Writer.TryWrite(new LoRaPacket(payload, rssi, snr, _time.GetUtcNow())))
            {
                Interlocked.Increment(ref _overflowDrops);
            }
        }
    }

    private void OpenPin(int pin, PinMode mode, PinValue? initial)
    {
        if (!_gpio!.IsPinOpen(pin))
        {
            _openedPins.Add(pin);
        }

        if (initial is { } value)
        {
            _gpio.OpenPin(pin, mode, value);
        }
        else
        {
            _gpio.OpenPin(pin, mode);
        }
    }

    private byte ReadRegister(Register register)
    {
        Span<byte> write = [(byte)((byte)register & 0x7F), 0x00];
        Span<byte> read = stackalloc byte[2];
        _spi.TransferFullDuplex(write, read);
        return read[1];
    }

    /// <summary>Burst read: the address auto-increments, except at RegFifo where RegFifoAddrPtr does (§4.3).</summary>
    private void ReadRegisters(Register first, Span<byte> values)
    {
        byte[] write = new byte[values.Length + 1];
        byte[] read = new byte[values.Length + 1];
        write[0] = (byte)((byte)first & 0x7F);
        _spi.TransferFullDuplex(write, read);
        read.AsSpan(1).CopyTo(values);
    }

    private void WriteRegister(Register register, byte value) => _spi.Write([(byte)((byte)register | 0x80), value]);

    private void WriteRegisters(Register first, ReadOnlySpan<byte> values)
    {
        byte[] write = new byte[values.Length + 1];
        write[0] = (byte)((byte)first | 0x80);
        values.CopyTo(write.AsSpan(1));
        _spi.Write(write);
    }
}
