namespace SmartVillage.Plugins.Decoders.Binary;

/// <summary>
/// One value in a DIY node's payload, as the kit file describes it. The reported value is
/// <c>raw * Scale + Offset</c> in <see cref="Unit"/>.
/// </summary>
/// <example>
/// <code>{ "Name": "temperature", "ByteOffset": 2, "Type": "i16", "Endianness": "little", "Scale": 0.01, "Unit": "Cel", "Min": -40, "Max": 85 }</code>
/// <code>{ "Name": "door", "ByteOffset": 4, "Type": "bits", "BitOffset": 0, "BitCount": 1 }</code>
/// </example>
public sealed class BinaryFieldOptions
{
    /// <summary>Quantity name of the measurement; SenML-name-safe and unique within the payload.</summary>
    public string Name { get; set; } = "";

    /// <summary>Index of the field's first byte in the payload (0-based). Fields may overlap (bit fields share bytes).</summary>
    public int ByteOffset { get; set; }

    /// <summary>One of <c>u8 i8 u16 i16 u24 i24 u32 i32 f32 bits</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>
    /// <c>big</c> (default, network order, most significant byte first) or <c>little</c> (what an ESP32 or
    /// AVR <c>memcpy</c> of a struct produces). Also orders the container of a bit field.
    /// </summary>
    public string Endianness { get; set; } = "big";

    /// <summary>
    /// Bit fields only: position of the lowest bit, counted from the least significant bit (0) of the container,
    /// the smallest whole number of bytes at <see cref="ByteOffset"/> that holds <c>BitOffset + BitCount</c> bits.
    /// </summary>
    public int? BitOffset { get; set; }

    /// <summary>Bit fields only: width in bits, 1 to 32; the value is unsigned.</summary>
    public int? BitCount { get; set; }

    /// <summary>Multiplier applied to the raw value. Default 1.</summary>
    public double Scale { get; set; } = 1;

    /// <summary>Added after <see cref="Scale"/>. Default 0.</summary>
    public double Offset { get; set; }

    /// <summary>SenML unit of the result (<c>V</c>, <c>Cel</c>, <c>/</c>); empty for a dimensionless value. Default empty.</summary>
    public string Unit { get; set; } = "";

    /// <summary>Lowest plausible value (after scale and offset); below it the reading is flagged OutOfRange, still reported.</summary>
    public double? Min { get; set; }

    /// <summary>Highest plausible value (after scale and offset); above it the reading is flagged OutOfRange, still reported.</summary>
    public double? Max { get; set; }
}
