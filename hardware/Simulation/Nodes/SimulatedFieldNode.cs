using SmartVillage.Hardware.Simulation.Devices.Sx1276;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Nodes;

/// <summary>
/// A battery LoRa field node in the kit's scenario: each <see cref="Transmit"/> puts one point-to-point frame on the
/// air to a <see cref="SimulatedSx1276"/>. The frame is the gateway's P2P layout (docs/lora-and-wireless-nodes.md):
/// <c>[address:2][counter:2]</c> big-endian, then Cayenne LPP: temperature on channel 1 (0x67), humidity on channel 2
/// (0x68) and battery voltage on channel 3 (0x74), as an arduino node with a DHT22 and a voltage divider would send.
/// </summary>
public sealed class SimulatedFieldNode
{
    private readonly SimulatedSx1276 _radio;
    private readonly SimulatedEnvironment _environment;
    private readonly double _temperatureOffset;
    private double _batteryVolts;
    private int _counter;

    /// <param name="address">The node's P2P address (1-65535).</param>
    /// <param name="rssiDbm">Signal strength at the gateway; a field 2 km away on SF7 is around -100 dBm.</param>
    /// <param name="snrDb">Signal-to-noise ratio at the gateway.</param>
    /// <param name="seed">Varies the node's micro-climate (a shaded plot reads cooler).</param>
    public SimulatedFieldNode(SimulatedSx1276 radio, SimulatedEnvironment environment, int address, double rssiDbm, double snrDb, int seed)
    {
        ArgumentNullException.ThrowIfNull(radio);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfLessThan(address, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(address, 65535);
        _radio = radio;
        _environment = environment;
        Address = address;
        RssiDbm = rssiDbm;
        SnrDb = snrDb;
        _temperatureOffset = (new Random(seed).NextDouble() * 3) - 1.5;
        _batteryVolts = 4.1;
    }

    public int Address { get; }

    public double RssiDbm { get; }

    public double SnrDb { get; }

    /// <summary>Frames sent so far (the next frame counter, before wrapping).</summary>
    public int Sent => _counter;

    /// <summary>The next frame's bytes; advances the counter and drains the battery a little.</summary>
    public byte[] NextFrame()
    {
        var now = _environment.Current;
        var temperature = (short)Math.Round((now.AirTemperatureCelsius + _temperatureOffset) * 10);
        var humidity = (byte)Math.Clamp(Math.Round(now.RelativeHumidityPercent * 2), 0, 200);
        var battery = (ushort)Math.Round(_batteryVolts * 100);
        _batteryVolts = Math.Max(3.0, _batteryVolts - 0.0005);
        var counter = _counter++ & 0xFFFF;
        return
        [
            (byte)(Address >> 8), (byte)Address, (byte)(counter >> 8), (byte)counter,
            0x01, 0x67, (byte)(temperature >> 8), (byte)temperature,
            0x02, 0x68, humidity,
            0x03, 0x74, (byte)(battery >> 8), (byte)battery,
        ];
    }

    /// <summary>Sends the next frame with the given air settings; <paramref name="crcError"/> corrupts it in flight.</summary>
    public DeliveryOutcome Transmit(LoRaAirSettings air, bool crcError = false) =>
        _radio.Deliver(NextFrame(), RssiDbm, SnrDb, crcError, air);
}
