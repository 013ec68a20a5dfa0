namespace SmartVillage.Plugins.Decoders.Binary;

/// <summary>How a field's bytes are read. Configured by its lower-case name (<c>u16</c>, <c>bits</c>) in the kit file.</summary>
internal enum BinaryFieldType
{
    U8,
    I8,
    U16,
    I16,
    U24,
    I24,
    U32,
    I32,
    F32,

    /// <summary>An unsigned run of bits inside a 1-4 byte container: <c>BitOffset</c> from the container's least significant bit.</summary>
    Bits,
}
