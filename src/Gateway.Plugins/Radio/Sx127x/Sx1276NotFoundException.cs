namespace SmartVillage.Plugins.Radio.Sx127x;

/// <summary>RegVersion did not read 0x12: no SX1276 answers on the SPI device (wiring, NSS, power) or another chip does.</summary>
public sealed class Sx1276NotFoundException : IOException
{
    public Sx1276NotFoundException()
        : this(0x00)
    {
    }

    public Sx1276NotFoundException(string message)
        : base(message)
    {
    }

    public Sx1276NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Sx1276NotFoundException(byte versionRead)
        : base($"SX1276 not found: RegVersion (0x42) read 0x{versionRead:X2}, expected 0x{Sx1276.ExpectedVersion:X2}; check SPI wiring and NSS")
    {
        VersionRead = versionRead;
    }

    /// <summary>What RegVersion read: 0x00 or 0xFF usually means nothing answers at all.</summary>
    public byte VersionRead { get; }
}
