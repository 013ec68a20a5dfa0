using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Hardware.Simulation;

/// <summary>
/// The hardware of a kit with nothing attached: every bus answers from register-level device models that
/// all follow one environment scenario, so readings from different sensors agree with each other.
/// </summary>
public sealed class SimulatedKit : IHardware
{
    public SimulatedKit(string scenario, TimeProvider timeProvider, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Scenario = scenario;
        _ = seed;
        throw new NotSupportedException("Simulated kit: device models arrive with the simulation work.");
    }

    /// <summary>Scenario names a kit file may ask for.</summary>
    public static IReadOnlyList<string> Scenarios { get; } = ["clear-day"];

    public string Scenario { get; }

    public string Name => "simulated";

    public GpioController Gpio => throw new NotSupportedException();

    public string OneWireFolder => throw new NotSupportedException();

    /// <summary>Places the device model a sensor needs where the kit file says it is wired.</summary>
    /// <returns>Null when attached; otherwise why this sensor cannot be simulated.</returns>
    public string? Attach(SensorDefinition definition) => throw new NotSupportedException();

    public I2cDevice OpenI2c(int busId, int address) => throw new NotSupportedException();

    public SpiDevice OpenSpi(SpiConnectionSettings settings) => throw new NotSupportedException();

    public Stream OpenSerial(string port, int baudRate) => throw new NotSupportedException();
}
