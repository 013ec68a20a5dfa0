using System.Collections.Concurrent;
using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.Devices.Bh1750;
using SmartVillage.Hardware.Simulation.Devices.Bme280;
using SmartVillage.Hardware.Simulation.Devices.Ina219;
using SmartVillage.Hardware.Simulation.Devices.Sensirion;
using SmartVillage.Hardware.Simulation.Devices.Sx1276;
using SmartVillage.Hardware.Simulation.Gpio;
using SmartVillage.Hardware.Simulation.EnvironmentModel;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Hardware.Simulation;

/// <summary>
/// The hardware of a kit with nothing attached: every bus answers from register-level device models that
/// all follow one environment scenario, so readings from different sensors agree with each other.
/// </summary>
/// <remarks>
/// Two clocks: the world (the environment, edges from rain gauges and anemometers, 1-Wire files) follows the
/// injected <see cref="TimeProvider"/>; the chips' own conversion times (milliseconds) follow real time, because
/// the Iot.Device.Bindings drivers wait for them with <c>Thread.Sleep</c>. Device timers run as long as the kit:
/// a kit lives as long as its gateway process or test.
/// </remarks>
public sealed partial class SimulatedKit : IHardware
{
    /// <summary>The I2C bus on a Raspberry Pi header, used when a definition names none.</summary>
    public const int DefaultI2cBus = 1;

    private readonly ConcurrentDictionary<int, SimulatedI2cBus> _i2cBuses = new();
    private readonly ConcurrentDictionary<(int Bus, int Address), SensorDefinition> _attached = new();
    private readonly Lock _attach = new();
    private readonly TimeProvider _time;
    private readonly Lazy<GpioController> _gpio;
    private (int Bus, int ChipSelect, SimulatedSx1276 Model)? _loRaRadio;
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
        GpioDriver = new SimulatedGpioDriver();
        // One controller for the whole kit, as on a Pi: drivers share it and open only their own pins.
        _gpio = new Lazy<GpioController>(() => new GpioController(GpioDriver));
    }

    /// <summary>Scenario names a kit file may ask for.</summary>
    public static IReadOnlyList<string> Scenarios { get; } = ScenarioCatalog.Names;

    public string Scenario { get; }

    public string Name => "simulated";

    /// <summary>The world every device model measures; tests compare readings against it.</summary>
    public SimulatedEnvironment Environment { get; }

    /// <summary>The kit's one GPIO controller, over <see cref="GpioDriver"/>.</summary>
    public GpioController Gpio => _gpio.Value;

    /// <summary>The simulated GPIO chip: tests and device models drive input levels and observe outputs here.</summary>
    public SimulatedGpioDriver GpioDriver { get; }

    /// <summary>The simulated LoRa radio, once declared with <see cref="DeclareLoRaRadio"/>; the air side for field nodes.</summary>
    public SimulatedSx1276? LoRaRadio => _loRaRadio?.Model;

    /// <summary>
    /// Puts a simulated SX1276 on SPI <paramref name="busId"/>.<paramref name="chipSelect"/>, wired to the kit's GPIO
    /// as the kit file says; <see cref="OpenSpi"/> then returns it.
    /// </summary>
    /// <param name="version">What RegVersion reads; anything but 0x12 simulates a wrong or missing chip.</param>
    public SimulatedSx1276 DeclareLoRaRadio(int busId, int chipSelect, int resetPin = -1, int dio0Pin = -1, byte version = 0x12)
    {
        lock (_attach)
        {
            if (_loRaRadio is not null)
            {
                throw new InvalidOperationException("The simulated kit already has a LoRa radio.");
            }

            ReservePin(resetPin, "the LoRa radio's RESET");
            ReservePin(dio0Pin, "the LoRa radio's DIO0");
            var wired = resetPin >= 0 || dio0Pin >= 0;
            var model = new SimulatedSx1276(wired ? GpioDriver : null, resetPin, dio0Pin, _time, version);
            _loRaRadio = (busId, chipSelect, model);
            return model;
        }
    }

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
            "SHT3X" => AttachI2c(definition, () => new Sht3xModel(Environment)),
            "SHT4X" => AttachI2c(definition, () => new Sht4xModel(Environment)),
            "BH1750" => AttachI2c(definition, () => new Bh1750Model(Environment)
            {
                WindowTransmittance = SettingNumber(definition, "WindowTransmittance", 1),
            }),
            "INA219" => AttachPowerMonitor(definition),
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
        if (_loRaRadio is { } radio && radio.Bus == settings.BusId && radio.ChipSelect == settings.ChipSelectLine)
        {
            return radio.Model;
        }

        throw new NotSupportedException(
            $"Simulated kit: nothing on SPI bus {settings.BusId}, chip select {settings.ChipSelectLine} (only a LoRa radio declared in the kit is simulated).");
    }

    public Stream OpenSerial(string port, int baudRate) => OpenSerialModel(port, baudRate);

    /// <summary>An INA219 whose shunt sits in the circuit <c>Settings:Circuit</c> names (battery by default).</summary>
    private string? AttachPowerMonitor(SensorDefinition definition)
    {
        Func<EnvironmentConditions, (double, double)>? circuit = (definition.Settings.GetValueOrDefault("Circuit") ?? "battery").ToUpperInvariant() switch
        {
            "BATTERY" => Ina219Model.Battery,
            "SOLAR" => Ina219Model.SolarPanel,
            "LOAD" => Ina219Model.Load,
            _ => null,
        };
        return circuit is null
            ? $"Settings:Circuit: '{definition.Settings["Circuit"]}' is not a circuit the simulation has; use battery, solar or load"
            : AttachI2c(definition, () => new Ina219Model(Environment, circuit, SettingNumber(definition, "ShuntOhms", 0.1)));
    }

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

            var model = createModel();
            I2cBus(busId).TryAdd(address, model);
            _attached[(busId, address)] = definition;
            _models[definition.Id] = model;
            return null;
        }
    }
}
