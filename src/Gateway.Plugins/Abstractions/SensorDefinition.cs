namespace SmartVillage.Plugins.Abstractions;

/// <summary>
/// One sensor as the kit file describes it: what it is, where it is wired, how often to read it.
/// Wiring fields a sensor type does not use stay null; anything type-specific goes in <see cref="Settings"/>.
/// </summary>
public sealed class SensorDefinition
{
    /// <summary>Stable id, unique in the kit; becomes part of every reading's SenML name.</summary>
    public string Id { get; set; } = "";

    /// <summary>Sensor type handled by one <see cref="ISensorFactory"/>: <c>bme280</c>, <c>ads1115-soil</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>I2C or SPI bus number (I2C bus 1 on a Raspberry Pi header).</summary>
    public int? Bus { get; set; }

    /// <summary>I2C address (7-bit) or SPI chip select.</summary>
    public int? Address { get; set; }

    /// <summary>GPIO pin (BCM numbering) for pin-based sensors.</summary>
    public int? Pin { get; set; }

    /// <summary>Serial port path for UART / RS485 sensors.</summary>
    public string? Port { get; set; }

    /// <summary>How often the gateway reads this sensor.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>False: the sensor stays in the kit but is not read (a probe taken in for repair). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Type-specific settings (calibration points, channel, scale), as strings from the kit file.</summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
