using System.Buffers.Binary;

namespace SmartVillage.Plugins.Decoders;

/// <summary>Reads 1 to 4 byte integers of either endianness; the caller has checked the span is long enough.</summary>
internal static class ByteFields
{
    public static long ReadInteger(ReadOnlySpan<byte> bytes, bool bigEndian, bool signed)
    {
        ulong value = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bigEndian ? bytes[i] : bytes[bytes.Length - 1 - i];
            value = (value << 8) | b;
        }

        var bits = bytes.Length * 8;
        if (signed && bits < 64 && (value & (1UL << (bits - 1))) != 0)
        {
            // Two's complement: sign-extend from the field's width (24-bit GPS coordinates are the reason this is
            // not simply a cast to short or int).
            return (long)value - (1L << bits);
        }

        return (long)value;
    }

    public static float ReadSingle(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadSingleBigEndian(bytes) : BinaryPrimitives.ReadSingleLittleEndian(bytes);
}
