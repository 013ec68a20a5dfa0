using System.Device.Spi;

namespace SmartVillage.Plugins.Tests.Radio;

/// <summary>An SPI device whose cable can be pulled: after <see cref="Unplug"/> every transfer throws IOException.</summary>
internal sealed class UnpluggableSpiDevice(SpiDevice inner) : SpiDevice
{
    private volatile bool _unplugged;

    public override SpiConnectionSettings ConnectionSettings => inner.ConnectionSettings;

    public void Unplug() => _unplugged = true;

    public override void Read(Span<byte> buffer)
    {
        ThrowIfUnplugged();
        inner.Read(buffer);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfUnplugged();
        inner.Write(buffer);
    }

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        ThrowIfUnplugged();
        inner.TransferFullDuplex(writeBuffer, readBuffer);
    }

    private void ThrowIfUnplugged()
    {
        if (_unplugged)
        {
            throw new IOException("SPI transfer failed: device unplugged");
        }
    }
}
