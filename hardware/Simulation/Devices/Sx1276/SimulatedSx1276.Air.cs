using static SmartVillage.Hardware.Simulation.Devices.Sx1276.Sx1276ModelRegisters;

namespace SmartVillage.Hardware.Simulation.Devices.Sx1276;

/// <summary>The air side of the model: packets that reach the antenna.</summary>
public sealed partial class SimulatedSx1276
{
    private static readonly int[] BandwidthHz = [7_800, 10_400, 15_600, 20_800, 31_250, 41_700, 62_500, 125_000, 250_000, 500_000];

    /// <summary>How the simulated nodes transmit when <see cref="Deliver"/> is given no settings.</summary>
    public LoRaAirSettings DefaultAir { get; set; } = LoRaAirSettings.Eu868Default;

    /// <summary>Packets that reached the FIFO, CRC errors included.</summary>
    public int ReceivedPackets { get; private set; }

    /// <summary>Packets put on the air that the radio did not receive (not listening, other channel or modulation).</summary>
    public int MissedPackets { get; private set; }

    /// <summary>
    /// Puts a packet on the air. When the radio listens in RXCONTINUOUS with matching frequency, spreading factor,
    /// bandwidth and sync word, the payload is written to the FIFO (from RegFifoRxBaseAddr after entering RX, then
    /// following the previous packet), RegRxNbBytes, RegFifoRxCurrentAddr, RegPktSnrValue and RegPktRssiValue are
    /// set, RxDone (and PayloadCrcError) raised, and DIO0 driven when mapped to RxDone.
    /// </summary>
    /// <param name="rssiDbm">Signal strength at the antenna; encoded with the port's offset (HF -157 at ≥ 779 MHz, LF -164).</param>
    /// <param name="snrDb">Signal-to-noise ratio; quantised to 0.25 dB like RegPktSnrValue.</param>
    /// <param name="crcError">The payload arrives corrupted and fails its CRC.</param>
    /// <param name="air">The transmitter's settings; <see cref="DefaultAir"/> when null.</param>
    public DeliveryOutcome Deliver(byte[] payload, double rssiDbm, double snrDb, bool crcError = false, LoRaAirSettings? air = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length is 0 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(payload), payload.Length, "A LoRa payload is 1-255 bytes.");
        }

        air ??= DefaultAir;
        bool? dio0;
        DeliveryOutcome outcome;
        lock (_gate)
        {
            outcome = Match(air);
            if (outcome != DeliveryOutcome.Received)
            {
                MissedPackets++;
                return outcome;
            }

            WritePacket(payload, rssiDbm, snrDb, crcError, air.HasCrc);
            ReceivedPackets++;
            dio0 = UpdateDio0();
        }

        ApplyDio0(dio0);
        return outcome;
    }

    /// <summary>
    /// Noise that the demodulator mistook for a packet on the current channel: half the time a CRC error,
    /// otherwise a random payload whose CRC happens to pass (the driver must deliver it; decoders reject it).
    /// </summary>
    public DeliveryOutcome DeliverNoise()
    {
        byte[] garbage;
        bool crcError;
        double rssi;
        double snr;
        LoRaAirSettings here;
        lock (_gate)
        {
            garbage = new byte[_random.Next(1, 65)];
            _random.NextBytes(garbage);
            crcError = _random.Next(2) == 0;
            rssi = -125 + (_random.Next(0, 61) / 4.0);
            snr = -15 + (_random.Next(0, 41) / 4.0);
            here = new LoRaAirSettings(
                CurrentFrequencyHz(), _registers[ModemConfig2] >> 4, BandwidthOf(_registers[ModemConfig1]), _registers[SyncWord]);
        }

        return Deliver(garbage, rssi, snr, crcError, here);
    }

    private DeliveryOutcome Match(LoRaAirSettings air)
    {
        if (!IsResponsive() || !IsListening(_registers[OpMode]))
        {
            return DeliveryOutcome.MissedNotListening;
        }

        int bandwidth = BandwidthOf(_registers[ModemConfig1]);
        if (Math.Abs(air.FrequencyHz - CurrentFrequencyHz()) > bandwidth / 4)
        {
            return DeliveryOutcome.MissedFrequency;
        }

        if (air.SpreadingFactor != _registers[ModemConfig2] >> 4 || air.BandwidthHz != bandwidth)
        {
            return DeliveryOutcome.MissedModulation;
        }

        return air.SyncWord == _registers[SyncWord] ? DeliveryOutcome.Received : DeliveryOutcome.MissedSyncWord;
    }

    private static int BandwidthOf(byte modemConfig1)
    {
        int code = modemConfig1 >> 4;
        return code < BandwidthHz.Length ? BandwidthHz[code] : 0;
    }

    private void WritePacket(byte[] payload, double rssiDbm, double snrDb, bool crcError, bool hasCrc)
    {
        bool implicitHeader = (_registers[ModemConfig1] & 0x01) != 0;
        int length = implicitHeader ? _registers[PayloadLength] : payload.Length;
        byte start = _rxWriteAddress;
        for (int i = 0; i < length; i++)
        {
            _fifo[(byte)(start + i)] = i < payload.Length ? payload[i] : (byte)0;
        }

        if (crcError && !hasCrc)
        {
            _fifo[start] ^= 0xFF; // corrupted, and nothing on the air lets the chip notice
        }

        _rxWriteAddress = (byte)(start + length);
        _registers[FifoRxCurrentAddr] = start;
        _registers[FifoRxByteAddr] = (byte)(start + length - 1);
        _registers[RxNbBytes] = (byte)length;
        _registers[HopChannel] = hasCrc && !implicitHeader ? (byte)0x40 : (byte)0x00;

        // Datasheet §5.5.5: SNR = (int8)RegPktSnrValue / 4; RSSI = -offset + PktRssi, plus SNR when SNR < 0.
        int snrRegister = Math.Clamp((int)Math.Round(snrDb * 4, MidpointRounding.AwayFromZero), sbyte.MinValue, sbyte.MaxValue);
        double snrQuantised = snrRegister / 4.0;
        int offset = CurrentFrequencyHz() >= 779_000_000 ? 157 : 164;
        double pktRssi = rssiDbm + offset - (snrQuantised < 0 ? snrQuantised : 0);
        _registers[PktSnrValue] = unchecked((byte)(sbyte)snrRegister);
        _registers[PktRssiValue] = (byte)Math.Clamp((int)Math.Round(pktRssi, MidpointRounding.AwayFromZero), 0, 255);

        byte raised = (byte)(IrqRxDone | IrqValidHeader | (crcError && hasCrc ? IrqPayloadCrcError : 0));
        _registers[IrqFlags] |= (byte)(raised & ~_registers[IrqFlagsMask]);
    }
}
