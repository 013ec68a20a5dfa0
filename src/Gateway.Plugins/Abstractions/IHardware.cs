using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;

namespace SmartVillage.Plugins.Abstractions;

/// <summary>
/// The hardware seam: the only way a driver reaches a bus. On a Raspberry Pi these open the kernel devices;
/// in the simulated kit they return register-level device models, so the same driver code runs in both.
/// </summary>
public interface IHardware
{
    /// <summary>"raspberry-pi", "simulated", ...: shown in status so nobody mistakes a demo for a field kit.</summary>
    string Name { get; }

    I2cDevice OpenI2c(int busId, int address);

    SpiDevice OpenSpi(SpiConnectionSettings settings);

    /// <summary>The shared GPIO controller. Drivers open and close only the pins they were given.</summary>
    GpioController Gpio { get; }

    /// <summary>A serial port as a stream (UART, RS485 adapter).</summary>
    Stream OpenSerial(string port, int baudRate);

    /// <summary>The folder holding 1-Wire devices (<c>/sys/bus/w1/devices</c> on a Pi).</summary>
    string OneWireFolder { get; }
}
