namespace SmartVillage.Plugins.Decoders.CayenneLpp;

/// <summary>
/// One configured extended Cayenne LPP type: a single big-endian integer. This is how a kit resolves the fork
/// collisions: ids above 0x86 mean different things in different libraries (0x87 is colour in ElectronicCats;
/// LPP++ puts soil moisture at 0x8A in its current source, 0x89 in an older header).
/// </summary>
/// <example>
/// LPP++ soil moisture, 1 byte in 0.5 % steps, reported as a 0-1 ratio:
/// <code>{ "Id": 138, "Name": "soil_moisture", "Size": 1, "Scale": 0.005, "Signed": false, "Unit": "/" }</code>
/// </example>
public sealed class CayenneLppTypeOptions
{
    /// <summary>Type byte, 0-255. Standard IPSO ids (temperature 0x67 ...) cannot be redefined.</summary>
    public int Id { get; set; }

    /// <summary>Quantity prefix: the measurement is named <c>{Name}_{channel}</c>. Must be SenML-name-safe.</summary>
    public string Name { get; set; } = "";

    /// <summary>Data bytes after the type byte, 1 to 4.</summary>
    public int Size { get; set; } = 1;

    /// <summary>Multiplier from the raw integer to <see cref="Unit"/>. Default 1.</summary>
    public double Scale { get; set; } = 1;

    /// <summary>Two's complement when true. Default false.</summary>
#pragma warning disable CA1720 // "Signed" is the word every LPP table uses; the kit file key should read the same.
    public bool Signed { get; set; }
#pragma warning restore CA1720

    /// <summary>SenML unit of the scaled value; empty for a dimensionless value. Default empty.</summary>
    public string Unit { get; set; } = "";
}
