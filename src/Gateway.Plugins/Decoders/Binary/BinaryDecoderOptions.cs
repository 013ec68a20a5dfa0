namespace SmartVillage.Plugins.Decoders.Binary;

/// <summary>
/// The payload layout of a DIY node, declared as data in the kit file so a new node needs no code.
/// Binds from Microsoft.Extensions.Configuration JSON; call <see cref="Validate"/> at start.
/// </summary>
public sealed class BinaryDecoderOptions
{
    /// <summary>The fields, in any order. Default empty, which <see cref="Validate"/> reports.</summary>
    public List<BinaryFieldOptions> Fields { get; set; } = [];

    /// <summary>Every problem, each naming the field and key (<c>Fields[2].Type: ...</c>) and the fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Fields is null || Fields.Count == 0)
        {
            problems.Add("Fields: no fields; describe at least one value of the payload");
            return problems;
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Fields.Count; i++)
        {
            var at = $"Fields[{i}]";
            var field = Fields[i];
            if (field is null)
            {
                problems.Add($"{at}: empty entry");
                continue;
            }

            if (!SenmlName.IsSafe(field.Name))
            {
                problems.Add($"{at}.Name: '{field.Name}' is not a SenML-safe name; {SenmlName.Rule}");
            }
            else if (!names.TryAdd(field.Name, i))
            {
                problems.Add($"{at}.Name: '{field.Name}' is also the name of Fields[{names[field.Name]}]; names must be unique");
            }

            if (field.ByteOffset < 0)
            {
                problems.Add($"{at}.ByteOffset: {field.ByteOffset} is negative; the first byte is 0");
            }

            var isBits = false;
            if (!BinaryFieldTypes.TryParse(field.Type, out var type))
            {
                problems.Add($"{at}.Type: '{field.Type}' is not a type; use one of {BinaryFieldTypes.Names}");
            }
            else
            {
                isBits = type == BinaryFieldType.Bits;
            }

            if (!IsEndianness(field.Endianness))
            {
                problems.Add($"{at}.Endianness: '{field.Endianness}' is not an endianness; use big or little");
            }

            ValidateBits(field, at, isBits, problems);

            if (!double.IsFinite(field.Scale) || field.Scale == 0)
            {
                problems.Add($"{at}.Scale: {field.Scale} must be a finite, non-zero number");
            }

            if (!double.IsFinite(field.Offset))
            {
                problems.Add($"{at}.Offset: {field.Offset} must be a finite number");
            }

            if (field.Unit is null || field.Unit.Any(char.IsWhiteSpace))
            {
                problems.Add($"{at}.Unit: '{field.Unit}' is not a SenML unit; use a symbol such as V, Cel, %RH, / or empty");
            }

            if (field.Min is { } min && field.Max is { } max && min > max)
            {
                problems.Add($"{at}.Min: {min} is above Max {max}; swap them");
            }
        }

        return problems;
    }

    internal static bool IsEndianness(string? value) =>
        string.Equals(value, "big", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(value, "little", StringComparison.OrdinalIgnoreCase);

    private static void ValidateBits(BinaryFieldOptions field, string at, bool isBits, List<string> problems)
    {
        if (!isBits)
        {
            if (field.BitOffset is not null || field.BitCount is not null)
            {
                problems.Add($"{at}.BitOffset/BitCount: only used with Type 'bits'; remove them or change the type");
            }

            return;
        }

        if (field.BitOffset is not { } bitOffset || field.BitCount is not { } bitCount)
        {
            problems.Add($"{at}.BitOffset/BitCount: a 'bits' field needs both, e.g. BitOffset 0 and BitCount 1 for a switch");
            return;
        }

        if (bitOffset < 0)
        {
            problems.Add($"{at}.BitOffset: {bitOffset} is negative; bit 0 is the least significant bit");
        }

        if (bitCount is < 1 or > 32)
        {
            problems.Add($"{at}.BitCount: {bitCount} is not 1-32");
        }
        else if (bitOffset >= 0 && bitOffset + bitCount > 32)
        {
            problems.Add($"{at}.BitOffset: bits {bitOffset}-{bitOffset + bitCount - 1} do not fit in a 4-byte container; " +
                         "move ByteOffset forward instead");
        }
    }
}
