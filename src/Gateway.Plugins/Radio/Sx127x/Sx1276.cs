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
public sealed partial class Sx1276 : IDisposable
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

        // _stopping is cancelled but not disposed: the polling loop may still be observing its token, and a
        // CancellationTokenSource without a timer holds nothing that needs releasing.
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
}
