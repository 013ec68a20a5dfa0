namespace SmartVillage.Hardware.Simulation.Devices.Sx1276;

/// <summary>SX1276 LoRa-mode register addresses and reset values the model implements (datasheet §6.4, table 41).</summary>
internal static class Sx1276ModelRegisters
{
    public const byte Fifo = 0x00;
    public const byte OpMode = 0x01;
    public const byte FrfMsb = 0x06;
    public const byte FrfMid = 0x07;
    public const byte FrfLsb = 0x08;
    public const byte FifoAddrPtr = 0x0D;
    public const byte FifoTxBaseAddr = 0x0E;
    public const byte FifoRxBaseAddr = 0x0F;
    public const byte FifoRxCurrentAddr = 0x10;
    public const byte IrqFlagsMask = 0x11;
    public const byte IrqFlags = 0x12;
    public const byte RxNbBytes = 0x13;
    public const byte ModemStat = 0x18;
    public const byte PktSnrValue = 0x19;
    public const byte PktRssiValue = 0x1A;
    public const byte RssiValue = 0x1B;
    public const byte HopChannel = 0x1C;
    public const byte ModemConfig1 = 0x1D;
    public const byte ModemConfig2 = 0x1E;
    public const byte PayloadLength = 0x22;
    public const byte FifoRxByteAddr = 0x25;
    public const byte ModemConfig3 = 0x26;
    public const byte SyncWord = 0x39;
    public const byte DioMapping1 = 0x40;
    public const byte Version = 0x42;

    public const byte LongRangeMode = 0x80;
    public const byte ModeMask = 0x07;
    public const byte ModeSleep = 0x00;
    public const byte ModeRxContinuous = 0x05;

    public const byte IrqRxDone = 0x40;
    public const byte IrqPayloadCrcError = 0x20;
    public const byte IrqValidHeader = 0x10;
    public const byte IrqTxDone = 0x08;
    public const byte IrqCadDone = 0x04;

    /// <summary>Registers the chip computes; SPI writes to them are ignored.</summary>
    public static bool IsReadOnly(byte address) =>
        address is FifoRxCurrentAddr or RxNbBytes or >= 0x14 and <= 0x1C or FifoRxByteAddr or Version;

    /// <summary>Power-on / reset values: the chip wakes in FSK standby at 434 MHz (datasheet table 41).</summary>
    public static void LoadDefaults(Span<byte> registers, byte version)
    {
        registers.Clear();
        registers[OpMode] = 0x09;
        registers[FrfMsb] = 0x6C;
        registers[FrfMid] = 0x80;
        registers[FrfLsb] = 0x00;
        registers[0x09] = 0x4F; // PaConfig
        registers[0x0B] = 0x2B; // Ocp
        registers[0x0C] = 0x20; // Lna
        registers[FifoTxBaseAddr] = 0x80;
        registers[ModemConfig1] = 0x72; // 125 kHz, 4/5, explicit header
        registers[ModemConfig2] = 0x70; // SF7, CRC off
        registers[0x21] = 0x08; // PreambleLsb
        registers[PayloadLength] = 0x01;
        registers[0x31] = 0xC3; // DetectOptimize
        registers[0x33] = 0x27; // InvertIQ
        registers[0x37] = 0x0A; // DetectionThreshold
        registers[SyncWord] = 0x12;
        registers[Version] = version;
        registers[0x4D] = 0x84; // PaDac
    }
}
