using System.Collections.Concurrent;
using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.Devices.Bme280;
using SmartVillage.Hardware.Simulation.EnvironmentModel;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Hardware.Simulation;

/// <summary>
/// The hardware of a kit with nothing attached: every bus answers from register-level device models that
/// all follow one environment scenario, so readings from different sensors agree with each other.
/// </summary>
public sealed partial class SimulatedKit : IHardware
{
    /// <summary>The I2C bus on a Raspberry Pi header, used when a definition names none.</summary>
    public const int DefaultI2cBus = 1;

    private readonly ConcurrentDictionary<int, SimulatedI2cBus> _i2cBuses = new();
    private readonly ConcurrentDictionary<(int Bus, int Address), SensorDefinition> _attached = new();
    private readonly Lock _attach = new();
    private readonly Lazy<string> _oneWireFolder =
        new(() => Directory.CreateTempSubdirectory("smartvillage-sim-w1-").FullName);

    /// <exception cref="ArgumentException"><paramref name="scenario"/> is not one of <see cref="Scenarios"/>.</exception>
    public SimulatedKit(string scenario, TimeProvider timeProvider, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var profile = ScenarioCatalog.Get(scenario);
        Scenario = profile.Name;
        Environment = new SimulatedEnvironment(profile, timeProvider, seed);
        _time = timeProvider;
    }

    /// <summary>Scenario names a kit file may ask for.</summary>
    public static IReadOnlyList<string> Scenarios { get; } = ScenarioCatalog.Names;

    public string Scenario { get; }

    public string Name => "simulated";

    /// <summary>The world every device model measures; tests compare readings against it.</summary>
    public SimulatedEnvironment Environment { get; }

    public GpioController Gpio =>
        throw new NotSupportedException("Simulated kit: GPIO is not simulated yet (hardware/Simulation/Gpio/ is in progress).");

    /// <summary>A fake 1-Wire sysfs folder for this kit, created in the temp folder on first use and left there.</summary>
    public string OneWireFolder => _oneWireFolder.Value;

    /// <summary>Places the device model a sensor needs where the kit file says it is wired.</summary>
    /// <returns>Null when attached; otherwise why this sensor cannot be simulated.</returns>
    public string? Attach(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Type.ToUpperInvariant() switch
        {
            "BME280" => AttachI2c(definition, () => new Bme280Model(Environment)),
            _ => AttachFieldSensor(definition),
        };
    }

    /// <summary>The simulated I2C bus <paramref name="busId"/>, created empty on first use.</summary>
    public SimulatedI2cBus I2cBus(int busId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(busId);
        return _i2cBuses.GetOrAdd(busId, id => new SimulatedI2cBus(id));
    }

    /// <summary>Makes the device at <paramref name="address"/> misbehave (or behave again with <see cref="I2cFault.None"/>).</summary>
    public void InjectI2cFault(int busId, int address, I2cFault fault) => I2cBus(busId).InjectFault(address, fault);

    public I2cDevice OpenI2c(int busId, int address) => I2cBus(busId).Open(address);

    public SpiDevice OpenSpi(SpiConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        throw new NotSupportedException(
            $"Simulated kit: no SPI device models yet (asked for SPI bus {settings.BusId}, chip select {settings.ChipSelectLine}).");
    }

    public Stream OpenSerial(string port, int baudRate) => OpenSerialModel(port, baudRate);

    private string? AttachI2c(SensorDefinition definition, Func<II2cDeviceModel> createModel)
    {
        var busId = definition.Bus ?? DefaultI2cBus;
        if (busId < 0)
        {
            return $"Bus: {busId} is not an I2C bus number";
        }

        if (definition.Address is not { } address)
        {
            return $"Address: missing; a simulated {definition.Type} needs its I2C address";
        }

        lock (_attach)
        {
            if (_attached.TryGetValue((busId, address), out var occupant))
            {
                return $"I2C bus {busId} address 0x{address:X2} already holds sensor '{occupant.Id}' ({occupant.Type}); "
                    + "two devices cannot share an address";
            }

            I2cBus(busId).TryAdd(address, createModel());
            _attached[(busId, address)] = definition;
            return null;
        }
    }
}
