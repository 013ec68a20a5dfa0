namespace SmartVillage.Gateway.Configuration;

public enum HardwareMode
{
    /// <summary>Real buses on a Raspberry Pi; the simulated kit anywhere else (for the demo kit).</summary>
    Auto,

    /// <summary>Register-level device models only: no hardware is touched.</summary>
    Simulated,

    /// <summary>The Pi's I2C, SPI, GPIO, serial and 1-Wire devices. Fails loudly when they are absent.</summary>
    RaspberryPi,
}
