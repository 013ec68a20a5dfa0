using System.Collections.Concurrent;
using System.Globalization;
using SmartVillage.Hardware.Simulation.Devices.Ads1115;
using SmartVillage.Hardware.Simulation.Devices.Analog;
using SmartVillage.Hardware.Simulation.Devices.Ds18b20;
using SmartVillage.Hardware.Simulation.Devices.Modbus;
using SmartVillage.Hardware.Simulation.Devices.Ultrasonic;
using SmartVillage.Hardware.Simulation.EnvironmentModel;
using SmartVillage.Hardware.Simulation.Serial;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Hardware.Simulation;

/// <summary>The soil, water and weather kits' devices: probes on ADS1115 inputs, 1-Wire thermometers, serial probes.</summary>
public sealed partial class SimulatedKit
{
    private readonly ConcurrentDictionary<string, object> _models = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ISerialDeviceModel> _serialPorts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(int Bus, int Address, int Channel), string> _channels = new();

    /// <summary>The device model placed for sensor <paramref name="sensorId"/> (a probe, a thermometer, a serial probe).</summary>
    /// <exception cref="InvalidOperationException">No model of that kind was attached for that sensor.</exception>
    public T Model<T>(string sensorId)
        where T : class =>
        _models.GetValueOrDefault(sensorId) as T
            ?? throw new InvalidOperationException($"Simulated kit: no {typeof(T).Name} attached for sensor '{sensorId}'.");

    /// <summary>The device model of kind <typeparamref name="T"/> placed for <paramref name="sensorId"/>, or null.</summary>
    public T? FindModel<T>(string sensorId)
        where T : class =>
        _models.GetValueOrDefault(sensorId) as T;

    /// <summary>The ADS1115 at <paramref name="address"/>, if one was attached.</summary>
    public Ads1115Model? Ads1115At(int busId, int address) => I2cBus(busId).Find(address) as Ads1115Model;

    private string? AttachFieldSensor(SensorDefinition definition) => definition.Type.ToUpperInvariant() switch
    {
        "ADS1115-SOIL-MOISTURE" => AttachAnalog(definition, new CapacitiveSoilProbe()),
        "ADS1115-PH" => AttachPhProbe(definition),
        "ADS1115-EC" => AttachEcProbe(definition),
        "ADS1115-TURBIDITY" => AttachAnalog(definition, new TurbidityProbe()),
        "ADS1115-WIND-VANE" => AttachAnalog(definition, new WindVane()),
        "DS18B20" => AttachThermometer(definition),
        "MODBUS-SOIL-PROBE" => AttachSerial(definition, new ModbusSoilProbeModel(Environment)
        {
            UnitAddress = (byte)Setting(definition, "UnitAddress", 1),
            BaudRate = Setting(definition, "BaudRate", ModbusSoilProbeModel.DefaultBaudRate),
        }),
        "A02YYUW-LEVEL" => AttachSerial(definition, new A02yyuwModel(Environment)),
        _ => AttachPinSensor(definition),
    };

    private string? AttachAnalog(SensorDefinition definition, IAnalogProbe probe)
    {
        var busId = definition.Bus ?? DefaultI2cBus;
        if (definition.Address is not { } address)
        {
            return $"Address: missing; a simulated {definition.Type} needs its ADS1115's I2C address";
        }

        var channel = Setting(definition, "Channel", 0);
        if (channel is < 0 or > 3)
        {
            return $"Settings:Channel: {channel} is not an ADS1115 input; use 0-3";
        }

        lock (_attach)
        {
            // Probes of any type share an ADS1115 (one per input); anything else at that address is a clash.
            if (_attached.TryGetValue((busId, address), out var occupant) && Ads1115At(busId, address) is null)
            {
                return $"I2C bus {busId} address 0x{address:X2} already holds sensor '{occupant.Id}' ({occupant.Type}); "
                    + "an ADS1115 cannot share its address";
            }

            if (_channels.TryGetValue((busId, address, channel), out var owner))
            {
                return $"Settings:Channel: ADS1115 0x{address:X2} input {channel} is already wired to sensor '{owner}'";
            }

            var adc = Ads1115At(busId, address);
            if (adc is null)
            {
                adc = new Ads1115Model(Environment);
                I2cBus(busId).TryAdd(address, adc);
                _attached[(busId, address)] = definition;
            }

            adc.TryConnect(channel, probe);
            _channels[(busId, address, channel)] = definition.Id;
            _models[definition.Id] = probe;
            return null;
        }
    }

    private string? AttachThermometer(SensorDefinition definition)
    {
        var deviceId = definition.Settings.GetValueOrDefault("DeviceId");
        if (string.IsNullOrWhiteSpace(deviceId))
        {
            return "Settings:DeviceId: missing; a simulated DS18B20 needs its 1-Wire id (28-xxxxxxxxxxxx)";
        }

        Func<EnvironmentConditions, double> medium = definition.Settings.GetValueOrDefault("Medium")?.ToUpperInvariant() switch
        {
            "WATER" => c => c.WaterTemperatureCelsius,
            "AIR" => c => c.AirTemperatureCelsius,
            _ => c => c.SoilTemperatureCelsius,
        };
        _models[definition.Id] = new Ds18b20Model(Environment, OneWireFolder, deviceId, medium, _time);
        return null;
    }

    private string? AttachSerial(SensorDefinition definition, ISerialDeviceModel model)
    {
        if (string.IsNullOrWhiteSpace(definition.Port))
        {
            return $"Port: missing; a simulated {definition.Type} needs its serial port";
        }

        if (!_serialPorts.TryAdd(definition.Port, model))
        {
            return $"Port: '{definition.Port}' already has a simulated device; one RS485 bus per probe in the simulation";
        }

        _models[definition.Id] = model;
        return null;
    }

    private SimulatedSerialStream OpenSerialModel(string port, int baudRate)
    {
        ArgumentNullException.ThrowIfNull(port);
        return _serialPorts.TryGetValue(port, out var model)
            ? new SimulatedSerialStream(model, baudRate)
            : throw new NotSupportedException(
                $"Simulated kit: no serial device model on '{port}' (asked at {baudRate} baud); attach a serial sensor there first.");
    }

    private static double SettingNumber(SensorDefinition definition, string key, double fallback) =>
        double.TryParse(definition.Settings.GetValueOrDefault(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;

    /// <summary>
    /// A pH electrode in the condition the kit file asks for: <c>SimulatedSlopePercent</c> (default 98; a worn electrode
    /// is about 70) and <c>SimulatedOffsetMillivolts</c> (default 8). Simulation-only settings: the driver ignores them.
    /// </summary>
    private string? AttachPhProbe(SensorDefinition definition)
    {
        var problems = new List<string>();
        var slope = Number(definition, "SimulatedSlopePercent", 98, 10, 150, problems);
        var offset = Number(definition, "SimulatedOffsetMillivolts", 8, -200, 200, problems);
        return problems.Count > 0
            ? string.Join("; ", problems)
            : AttachAnalog(definition, new AnalogPhProbe { SlopeFraction = slope / 100, OffsetMillivolts = offset });
    }

    /// <summary>An EC probe whose cell constant is <c>SimulatedCellConstant</c> (default 1) times the board's nominal one.</summary>
    private string? AttachEcProbe(SensorDefinition definition)
    {
        var problems = new List<string>();
        var constant = Number(definition, "SimulatedCellConstant", 1, 0.1, 10, problems);
        return problems.Count > 0 ? string.Join("; ", problems) : AttachAnalog(definition, new AnalogEcProbe { CellConstant = constant });
    }

    private static double Number(SensorDefinition definition, string key, double fallback, double min, double max, List<string> problems)
    {
        if (!definition.Settings.TryGetValue(key, out var text))
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"Settings:{key}: '{text}' is not a number in {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}");
        return fallback;
    }

    private static int Setting(SensorDefinition definition, string key, int fallback)
    {
        var text = definition.Settings.GetValueOrDefault(key);
        if (text is null)
        {
            return fallback;
        }

        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
