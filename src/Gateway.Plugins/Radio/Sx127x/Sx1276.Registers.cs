namespace SmartVillage.Plugins.Radio.Sx127x;

/// <summary>Register access over SPI (datasheet §4.3) and the receive configuration.</summary>
public sealed partial class Sx1276
{
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
