using System.Device.Gpio;
using System.Device.Spi;
using SmartVillage.Hardware.Simulation.Gpio;
using static SmartVillage.Hardware.Simulation.Devices.Sx1276.Sx1276ModelRegisters;

namespace SmartVillage.Hardware.Simulation.Devices.Sx1276;

/// <summary>
/// A register-level Semtech SX1276 / HopeRF RFM95 on an SPI bus, receiving in LoRa mode. The same driver code
/// that runs on a Pi talks to it; the simulation puts packets on the air with <see cref="Deliver"/>.
/// </summary>
/// <remarks>
/// <para>SPI (datasheet §4.3): the first byte is the address, bit 7 set for a write; further bytes are a burst
/// with address auto-increment, except at RegFifo (0x00), where bytes go to/from the FIFO at RegFifoAddrPtr,
/// which increments and wraps at 256.</para>
/// <para>RESET (§7.2.2): when wired, a low pulse of at least 100 µs measured on the model's clock reloads the reset
/// values; the chip ignores SPI for 5 ms after release (reads return 0x00). DIO0 follows the IRQ flag RegDioMapping1
/// selects (RxDone for 00) and is raised through the simulated GPIO driver, so its rising edge reaches the driver's
/// callback synchronously inside <see cref="Deliver"/>.</para>
/// <para>Not modelled: FSK mode (the FSK meaning of shared registers), transmitting, CAD, frequency hopping,
/// RegModemStat, RegRssiValue and the LF test registers.</para>
/// </remarks>
public sealed partial class SimulatedSx1276 : SpiDevice
{
    /// <summary>The register-reset pulse must be longer than this (datasheet §7.2.2).</summary>
    public static readonly TimeSpan MinimumResetPulse = TimeSpan.FromTicks(1_000); // 100 µs

    /// <summary>Time after RESET release before the chip answers on SPI (datasheet §7.2.2).</summary>
    public static readonly TimeSpan ResetRecovery = TimeSpan.FromMilliseconds(5);

    private readonly Lock _gate = new();
    private readonly byte[] _registers = new byte[0x80];
    private readonly byte[] _fifo = new byte[256];
    private readonly SimulatedGpioDriver? _gpio;
    private readonly int _dio0Pin;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly IDisposable? _resetObservation;
    private readonly byte _version;
    private bool _dio0Level;
    private bool _inReset;
    private long _resetStartedAt;
    private DateTimeOffset _readyAt = DateTimeOffset.MinValue;
    private byte _rxWriteAddress;

    /// <param name="gpio">The simulated GPIO chip RESET and DIO0 are wired to; null when neither is wired.</param>
    /// <param name="resetPin">GPIO wired to RESET, or -1.</param>
    /// <param name="dio0Pin">GPIO wired to DIO0, or -1.</param>
    /// <param name="timeProvider">Clock for reset timing; the system clock by default.</param>
    /// <param name="version">What RegVersion (0x42) reads: 0x12 for a genuine SX1276; 0x00 simulates a missing chip.</param>
    /// <param name="seed">Seed for <see cref="DeliverNoise"/>.</param>
    public SimulatedSx1276(
        SimulatedGpioDriver? gpio = null,
        int resetPin = -1,
        int dio0Pin = -1,
        TimeProvider? timeProvider = null,
        byte version = 0x12,
        int seed = 1)
    {
        if ((resetPin >= 0 || dio0Pin >= 0) && gpio is null)
        {
            throw new ArgumentException("RESET or DIO0 is wired but no simulated GPIO driver was given.", nameof(gpio));
        }

        _gpio = gpio;
        _dio0Pin = dio0Pin;
        _time = timeProvider ?? TimeProvider.System;
        _random = new Random(seed);
        _version = version;
        LoadDefaults(_registers, _version);
        if (gpio is not null && dio0Pin >= 0)
        {
            gpio.SetInputValue(dio0Pin, PinValue.Low);
        }

        if (gpio is not null && resetPin >= 0)
        {
            _resetObservation = gpio.ObserveOutput(resetPin, OnResetPinWritten);
        }
    }

    public override SpiConnectionSettings ConnectionSettings { get; } =
        new(0, 0) { Mode = SpiMode.Mode0, ClockFrequency = 1_000_000, DataFlow = DataFlow.MsbFirst };

    /// <summary>Completed register resets through the RESET pin.</summary>
    public int ResetCount { get; private set; }

    /// <summary>Length of the last accepted RESET pulse on the model's clock; null before any.</summary>
    public TimeSpan? LastResetPulse { get; private set; }

    /// <summary>The carrier the registers select: Frf × 32 MHz / 2^19.</summary>
    public long FrequencyHz
    {
        get
        {
            lock (_gate)
            {
                return CurrentFrequencyHz();
            }
        }
    }

    /// <summary>A register's value without the side effects of an SPI read (RegFifo: the byte at RegFifoAddrPtr).</summary>
    public byte PeekRegister(byte address)
    {
        lock (_gate)
        {
            return address == Fifo ? _fifo[_registers[FifoAddrPtr]] : _registers[address & 0x7F];
        }
    }

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        if (writeBuffer.Length != readBuffer.Length)
        {
            throw new ArgumentException("SPI full-duplex buffers must have the same length.", nameof(readBuffer));
        }

        Transfer(writeBuffer, readBuffer);
    }

    public override void Write(ReadOnlySpan<byte> buffer) => Transfer(buffer, []);

    /// <summary>A read-only transaction clocks out zeros on MOSI: the chip sees a read of RegFifo.</summary>
    public override void Read(Span<byte> buffer)
    {
        Span<byte> zeros = buffer.Length <= 256 ? stackalloc byte[buffer.Length] : new byte[buffer.Length];
        zeros.Clear();
        Transfer(zeros, buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _resetObservation?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Transfer(ReadOnlySpan<byte> write, Span<byte> read)
    {
        bool? dio0;
        lock (_gate)
        {
            read.Clear();
            if (write.IsEmpty || !IsResponsive())
            {
                return;
            }

            byte address = (byte)(write[0] & 0x7F);
            bool isWrite = (write[0] & 0x80) != 0;
            for (int i = 1; i < write.Length; i++)
            {
                if (isWrite)
                {
                    WriteRegister(address, write[i]);
                }
                else if (i < read.Length)
                {
                    read[i] = ReadRegister(address);
                }

                if (address != Fifo)
                {
                    address = (byte)((address + 1) & 0x7F);
                }
            }

            dio0 = UpdateDio0();
        }

        ApplyDio0(dio0);
    }

    private byte ReadRegister(byte address)
    {
        if (address != Fifo)
        {
            return _registers[address];
        }

        byte value = _fifo[_registers[FifoAddrPtr]];
        _registers[FifoAddrPtr]++;
        return value;
    }

    private void WriteRegister(byte address, byte value)
    {
        switch (address)
        {
            case Fifo:
                _fifo[_registers[FifoAddrPtr]] = value;
                _registers[FifoAddrPtr]++;
                break;
            case OpMode:
                WriteOpMode(value);
                break;
            case IrqFlags:
                _registers[IrqFlags] &= (byte)~value; // write 1 to clear
                break;
            case Sx1276ModelRegisters.Version:
                break;
            default:
                if (!IsReadOnly(address))
                {
                    _registers[address] = value;
                }

                break;
        }
    }

    /// <summary>LongRangeMode (bit 7) can change only in SLEEP; a write in another mode keeps the old bit (§6.4).</summary>
    private void WriteOpMode(byte value)
    {
        byte old = _registers[OpMode];
        byte longRange = (old & ModeMask) == ModeSleep ? (byte)(value & LongRangeMode) : (byte)(old & LongRangeMode);
        byte next = (byte)(longRange | (value & 0x7F));
        _registers[OpMode] = next;
        bool wasListening = IsListening(old);
        if (!wasListening && IsListening(next))
        {
            _rxWriteAddress = _registers[FifoRxBaseAddr];
        }
    }

    private static bool IsListening(byte opMode) =>
        (opMode & LongRangeMode) != 0 && (opMode & ModeMask) == ModeRxContinuous;

    private bool IsResponsive() => !_inReset && _time.GetUtcNow() >= _readyAt;

    private long CurrentFrequencyHz()
    {
        long frf = (_registers[FrfMsb] << 16) | (_registers[FrfMid] << 8) | _registers[FrfLsb];
        return (long)Math.Round(frf * 32_000_000.0 / (1 << 19));
    }

    /// <summary>Computes DIO0 from the mapping and IRQ flags; returns the new level when it changed.</summary>
    private bool? UpdateDio0()
    {
        byte flag = (_registers[DioMapping1] >> 6) switch
        {
            0 => IrqRxDone,
            1 => IrqTxDone,
            2 => IrqCadDone,
            _ => 0,
        };
        bool level = !_inReset && (_registers[OpMode] & LongRangeMode) != 0 && (_registers[IrqFlags] & flag) != 0;
        if (level == _dio0Level)
        {
            return null;
        }

        _dio0Level = level;
        return level;
    }

    /// <summary>Raises the DIO0 edge outside the model's lock: the driver's callback reads the chip over SPI.</summary>
    private void ApplyDio0(bool? level)
    {
        if (level is { } high && _gpio is not null && _dio0Pin >= 0)
        {
            _gpio.SetInputValue(_dio0Pin, high ? PinValue.High : PinValue.Low);
        }
    }

    private void OnResetPinWritten(PinValue value)
    {
        bool? dio0 = null;
        lock (_gate)
        {
            if (value == PinValue.Low && !_inReset)
            {
                _inReset = true;
                _resetStartedAt = _time.GetTimestamp();
                dio0 = UpdateDio0();
            }
            else if (value == PinValue.High && _inReset)
            {
                _inReset = false;
                TimeSpan pulse = _time.GetElapsedTime(_resetStartedAt);
                if (pulse >= MinimumResetPulse)
                {
                    LoadDefaults(_registers, _version);
                    Array.Clear(_fifo);
                    ResetCount++;
                    LastResetPulse = pulse;
                    _readyAt = _time.GetUtcNow() + ResetRecovery;
                }

                dio0 = UpdateDio0();
            }
        }

        ApplyDio0(dio0);
    }
}
