namespace SmartVillage.Plugins.Decoders.Binary;

/// <summary>Names, sizes and signedness of <see cref="BinaryFieldType"/>.</summary>
internal static class BinaryFieldTypes
{
    private static readonly Dictionary<string, BinaryFieldType> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["u8"] = BinaryFieldType.U8,
        ["i8"] = BinaryFieldType.I8,
        ["u16"] = BinaryFieldType.U16,
        ["i16"] = BinaryFieldType.I16,
        ["u24"] = BinaryFieldType.U24,
        ["i24"] = BinaryFieldType.I24,
        ["u32"] = BinaryFieldType.U32,
        ["i32"] = BinaryFieldType.I32,
        ["f32"] = BinaryFieldType.F32,
        ["bits"] = BinaryFieldType.Bits,
    };

    /// <summary>For messages: every accepted name, in order.</summary>
    public static string Names { get; } = "u8, i8, u16, i16, u24, i24, u32, i32, f32, bits";

    public static bool TryParse(string? name, out BinaryFieldType type)
    {
        type = default;
        return name is not null && ByName.TryGetValue(name.Trim(), out type);
    }

    /// <summary>Bytes the value occupies; for <see cref="BinaryFieldType.Bits"/> it depends on the bit range.</summary>
    public static int Size(BinaryFieldType type) => type switch
    {
        BinaryFieldType.U8 or BinaryFieldType.I8 => 1,
        BinaryFieldType.U16 or BinaryFieldType.I16 => 2,
        BinaryFieldType.U24 or BinaryFieldType.I24 => 3,
        BinaryFieldType.U32 or BinaryFieldType.I32 or BinaryFieldType.F32 => 4,
        BinaryFieldType.Bits => throw new ArgumentException("a bit field's size depends on its bit range", nameof(type)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a binary field type"),
    };

    public static bool IsSigned(BinaryFieldType type) =>
        type is BinaryFieldType.I8 or BinaryFieldType.I16 or BinaryFieldType.I24 or BinaryFieldType.I32;
}
