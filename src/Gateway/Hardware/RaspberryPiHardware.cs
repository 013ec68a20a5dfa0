using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using System.IO.Ports;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Hardware;

/// <summary>The board's own buses through the Linux kernel devices (/dev/i2c-*, /dev/spidev*, gpiochip, ttys).</summary>
public sealed class RaspberryPiHardware : IHardware, IDisposable
{
    private readonly Lazy<GpioController> _gpio = new(() => new GpioController());

    public string Name => "raspberry-pi";

    public GpioController Gpio => _gpio.Value;

    public string OneWireFolder => "/sys/bus/w1/devices";

    public I2cDevice OpenI2c(int busId, int address) => I2cDevice.Create(new I2cConnectionSettings(busId, address));

    public SpiDevice OpenSpi(SpiConnectionSettings settings) => SpiDevice.Create(settings);

    public Stream OpenSerial(string port, int baudRate)
    {
        var serial = new SerialPort(port, baudRate) { ReadTimeout = 1000, WriteTimeout = 1000 };
        serial.Open();
        return serial.BaseStream;
    }

    public void Dispose()
    {
        if (_gpio.IsValueCreated)
        {
            _gpio.Value.Dispose();
        }
    }

    /// <summary>True on a Raspberry Pi (the device tree names the model).</summary>
    public static bool IsPresent()
    {
        const string modelFile = "/sys/firmware/devicetree/base/model";
        return File.Exists(modelFile) && File.ReadAllText(modelFile).Contains("Raspberry Pi", StringComparison.Ordinal);
    }
}
