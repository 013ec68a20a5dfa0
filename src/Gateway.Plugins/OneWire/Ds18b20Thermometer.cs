using Iot.Device.OneWire;

namespace SmartVillage.Plugins.OneWire;

/// <summary>
/// One DS18B20 read through the Iot.Device.Bindings <see cref="OneWireThermometerDevice"/>, which reads the Linux
/// w1-therm file <c>&lt;folder&gt;/&lt;id&gt;/w1_slave</c> (the folder is passed as the binding's bus id). The binding
/// refuses a read whose CRC line says NO; this class also refuses the 85 °C power-on value, which a sensor that
/// browned out reports with a good CRC (datasheet, temperature register note). A refused read is a reason, never a
/// value, so no stale or default temperature can pass for a measurement.
/// </summary>
public sealed class Ds18b20Thermometer
{
    /// <summary>Temperature register value after power-on reset, °C.</summary>
    public const double PowerOnResetCelsius = 85.0;

    private readonly OneWireThermometerDevice _device;

    /// <param name="folder">The 1-Wire devices folder (<c>/sys/bus/w1/devices</c> on a Pi).</param>
    /// <param name="deviceId">The sensor's id, family 28 then its serial: <c>28-0316a2794bff</c>.</param>
    public Ds18b20Thermometer(string folder, string deviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        DeviceId = deviceId;
        _device = new OneWireThermometerDevice(Path.GetFullPath(folder), deviceId);
    }

    public string DeviceId { get; }

    /// <summary>Reads the temperature, °C, or the reason there is none.</summary>
    public async ValueTask<(double? Celsius, string? Error)> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var temperature = await _device.ReadTemperatureAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            var celsius = temperature.DegreesCelsius;
            return Math.Abs(celsius - PowerOnResetCelsius) < 1e-9
                ? (null, $"DS18B20 {DeviceId} reports 85 °C, its power-on value: the sensor reset (power or wiring) before converting")
                : (celsius, null);
        }
        catch (InvalidOperationException e)
        {
            // The binding's way of saying the kernel's CRC check failed (line "crc=.. NO") or the text is malformed.
            return (null, $"DS18B20 {DeviceId}: {e.Message} (CRC check failed on the 1-Wire bus)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"DS18B20 {DeviceId} is not on the 1-Wire bus: {e.Message}");
        }
    }
}
