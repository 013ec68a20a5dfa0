namespace SmartVillage.Plugins.Decoders.CayenneLpp;

/// <summary>A Cayenne LPP data type: its id, the name used in quantities, and the layout of its data bytes.</summary>
internal sealed class CayenneLppType
{
    public CayenneLppType(byte id, string name, params CayenneLppComponent[] components)
    {
        Id = id;
        Name = name;
        Components = components;
        DataSize = components.Sum(c => c.Size);
    }

    public byte Id { get; }

    public string Name { get; }

    public IReadOnlyList<CayenneLppComponent> Components { get; }

    /// <summary>Bytes after the channel and type bytes. The type alone fixes this: the frame has no length fields.</summary>
    public int DataSize { get; }

    public static CayenneLppType Single(byte id, string name, int size, bool signed, double scale, string unit) =>
        new(id, name, new CayenneLppComponent(null, size, signed, scale, unit));
}
