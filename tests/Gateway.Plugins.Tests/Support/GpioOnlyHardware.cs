using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using SmartVillage.Hardware.Simulation.Gpio;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Tests.Support;

/// <summary>A board with only a simulated GPIO chip: for pin-based sensors while the simulated kit's GPIO is elsewhere.</summary>
public sealed class GpioOnlyHardware : IHardware, IDisposable
{
    public SimulatedGpioDriver Driver { get; } = new();

    public GpioOnlyHardware() => Gpio = new GpioController(Driver);

    public string Name => "simulated";

    public GpioController Gpio { get; }

    public string OneWireFolder => throw new NotSupportedException();

    public I2cDevice OpenI2c(int busId, int address) => throw new NotSupportedException();

    public SpiDevice OpenSpi(SpiConnectionSettings settings) => throw new NotSupportedException();

    public Stream OpenSerial(string port, int baudRate) => throw new NotSupportedException();

    public void Dispose() => Gpio.Dispose();
}
