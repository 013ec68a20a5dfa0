namespace SmartVillage.Plugins.Decoders.Binary;

/// <summary>A validated <see cref="BinaryFieldOptions"/> with its strings parsed once, at start, not per frame.</summary>
internal sealed class BinaryField
{
    private BinaryField(BinaryFieldOptions options, BinaryFieldType type)
    {
        Name = options.Name;
        Type = type;
        TypeName = options.Type.Trim().ToLowerInvariant();
        ByteOffset = options.ByteOffset;
        BigEndian = string.Equals(options.Endianness, "big", StringComparison.OrdinalIgnoreCase);
        BitOffset = options.BitOffset ?? 0;
        BitCount = options.BitCount ?? 0;
        Length = type == BinaryFieldType.Bits ? (BitOffset + BitCount + 7) / 8 : BinaryFieldTypes.Size(type);
        Scale = options.Scale;
        Offset = options.Offset;
        Unit = options.Unit;
        Min = options.Min;
        Max = options.Max;
    }

    public string Name { get; }

    public BinaryFieldType Type { get; }

    public string TypeName { get; }

    public int ByteOffset { get; }

    public bool BigEndian { get; }

    public int BitOffset { get; }

    public int BitCount { get; }

    /// <summary>Bytes read, starting at <see cref="ByteOffset"/>.</summary>
    public int Length { get; }

    /// <summary>Payload length this field needs: one past its last byte.</summary>
    public int End => ByteOffset + Length;

    public double Scale { get; }

    public double Offset { get; }

    public string Unit { get; }

    public double? Min { get; }

    public double? Max { get; }

    /// <summary>Compiles options that passed <see cref="BinaryDecoderOptions.Validate"/>.</summary>
    public static BinaryField Compile(BinaryFieldOptions options)
    {
        if (!BinaryFieldTypes.TryParse(options.Type, out var type))
        {
            throw new ArgumentException($"'{options.Type}' is not a binary field type; validate the options first", nameof(options));
        }

        return new BinaryField(options, type);
    }

    /// <summary>The raw value before scale and offset; the caller has checked <see cref="End"/> against the payload.</summary>
    public double ReadRaw(ReadOnlySpan<byte> payload)
    {
        var bytes = payload.Slice(ByteOffset, Length);
        switch (Type)
        {
            case BinaryFieldType.F32:
                return ByteFields.ReadSingle(bytes, BigEndian);
            case BinaryFieldType.Bits:
                var container = (ulong)ByteFields.ReadInteger(bytes, BigEndian, signed: false);
                var mask = (1UL << BitCount) - 1; // BitCount is 1-32 (validated), so the shift cannot overflow.
                return (container >> BitOffset) & mask;
            default:
                return ByteFields.ReadInteger(bytes, BigEndian, BinaryFieldTypes.IsSigned(Type));
        }
    }
}
