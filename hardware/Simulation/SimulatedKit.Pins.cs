using System.Collections.Concurrent;
using System.Device.Gpio;
using SmartVillage.Hardware.Simulation.Devices.FloatSwitch;
using SmartVillage.Hardware.Simulation.Devices.ReedSwitch;
using SmartVillage.Hardware.Simulation.Gpio;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Hardware.Simulation;

/// <summary>
/// The devices on GPIO pins: a rain gauge's and an anemometer's reed switches producing edges at the rate of the
/// modelled rain and wind, and float switches following the tank's water level.
/// </summary>
public sealed partial class SimulatedKit
{
    private readonly ConcurrentDictionary<int, string> _pins = new();

    private string? AttachPinSensor(SensorDefinition definition) => definition.Type.ToUpperInvariant() switch
    {
        "RAIN-GAUGE" => AttachPin(definition, pin => ReedSwitchModel.TippingBucket(
            Environment, GpioDriver, pin, _time, SettingNumber(definition, "MillimetresPerTip", 0.2794))),
        "ANEMOMETER" => AttachPin(definition, pin => ReedSwitchModel.CupAnemometer(
            Environment, GpioDriver, pin, _time, SettingNumber(definition, "MetresPerSecondPerHertz", 2.4 / 3.6))),
        "FLOAT-SWITCH" => AttachPin(definition, pin => new FloatSwitchModel(
            Environment, GpioDriver, pin, _time,
            SettingNumber(definition, "HeightMetres", 1.0),
            string.Equals(definition.Settings.GetValueOrDefault("ActiveLevel"), "high", StringComparison.OrdinalIgnoreCase) ? PinValue.High : PinValue.Low)),
        _ => $"no simulated device for sensor type '{definition.Type}'",
    };

    private string? AttachPin(SensorDefinition definition, Func<int, IDisposable> createModel)
    {
        if (definition.Pin is not { } pin || pin < 0 || pin >= SimulatedGpioDriver.DefaultPinCount)
        {
            return $"Pin: '{definition.Pin}' is not a GPIO of the simulated header (0-{SimulatedGpioDriver.DefaultPinCount - 1})";
        }

        lock (_attach)
        {
            if (!ReservePin(pin, $"sensor '{definition.Id}' ({definition.Type})"))
            {
                return $"Pin: GPIO {pin} is already wired to {_pins[pin]}";
            }

            _models[definition.Id] = createModel(pin);
            return null;
        }
    }

    /// <returns>False when something else is already wired to <paramref name="pin"/>; true for no pin (-1).</returns>
    private bool ReservePin(int pin, string user) => pin < 0 || _pins.TryAdd(pin, user);
}
