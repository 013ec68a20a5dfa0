namespace SmartVillage.Plugins.Radio.Sx127x;

/// <summary>SX1276 registers in LoRa mode that the receiver uses (datasheet §6.4; domain notes §2.4).</summary>
internal enum Register : byte
{
    Fifo = 0x00,
    OpMode = 0x01,
    FrfMsb = 0x06,
    Lna = 0x0C,
    FifoAddrPtr = 0x0D,
    FifoTxBaseAddr = 0x0E,
    FifoRxBaseAddr = 0x0F,
    FifoRxCurrentAddr = 0x10,
    IrqFlagsMask = 0x11,
    IrqFlags = 0x12,
    RxNbBytes = 0x13,
    PktSnrValue = 0x19,
    PktRssiValue = 0x1A,
    HopChannel = 0x1C,
    ModemConfig1 = 0x1D,
    ModemConfig2 = 0x1E,
    PayloadLength = 0x22,
    ModemConfig3 = 0x26,
    DetectOptimize = 0x31,
    DetectionThreshold = 0x37,
    SyncWord = 0x39,
    DioMapping1 = 0x40,
    Version = 0x42,
}
