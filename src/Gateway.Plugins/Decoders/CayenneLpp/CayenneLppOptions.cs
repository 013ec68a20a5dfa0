namespace SmartVillage.Plugins.Decoders.CayenneLpp;

/// <summary>Which Cayenne LPP extended types a kit's nodes use. Binds from the kit file; check with <see cref="Validate"/>.</summary>
public sealed class CayenneLppOptions
{
    /// <summary>
    /// Include the ElectronicCats extended types (generic, voltage, current, frequency, percentage, altitude, power,
    /// distance, energy, direction, unixtime, switch). Default true: they are the most common extension. Set false when
    /// the kit's nodes use a fork whose ids collide with them, then list what the nodes really send in <see cref="ExtendedTypes"/>.
    /// </summary>
    public bool IncludeDefaultExtendedTypes { get; set; } = true;

    /// <summary>
    /// Extra or replacement extended types. An entry with the id of a default extended type replaces it.
    /// Default empty: ids such as 0x87 (colour in ElectronicCats, soil moisture in some LPP++ descriptions) are then
    /// unknown and frames carrying them are rejected rather than guessed at.
    /// </summary>
    public List<CayenneLppTypeOptions> ExtendedTypes { get; set; } = [];

    /// <summary>Problems that would make the decoder misread frames, each naming the entry; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ExtendedTypes is null)
        {
            problems.Add("ExtendedTypes: null; leave it out or give an empty list");
            return problems;
        }

        var seen = new Dictionary<int, int>();
        for (var i = 0; i < ExtendedTypes.Count; i++)
        {
            var at = $"ExtendedTypes[{i}]";
            var type = ExtendedTypes[i];
            if (type is null)
            {
                problems.Add($"{at}: empty entry");
                continue;
            }

            if (type.Id is < 0 or > 255)
            {
                problems.Add($"{at}.Id: {type.Id} is not a byte; use 0-255");
            }
            else if (CayenneLppTypeTable.IsStandard(type.Id))
            {
                problems.Add($"{at}.Id: 0x{type.Id:X2} is a standard Cayenne LPP type and cannot be redefined");
            }
            else if (!seen.TryAdd(type.Id, i))
            {
                problems.Add($"{at}.Id: 0x{type.Id:X2} is also defined by ExtendedTypes[{seen[type.Id]}]; each id once");
            }

            if (!SenmlName.IsSafe(type.Name))
            {
                problems.Add($"{at}.Name: '{type.Name}' is not a SenML-safe name; {SenmlName.Rule}");
            }

            if (type.Size is < 1 or > 4)
            {
                problems.Add($"{at}.Size: {type.Size} bytes is not supported; use 1-4");
            }

            if (!double.IsFinite(type.Scale) || type.Scale == 0)
            {
                problems.Add($"{at}.Scale: {type.Scale} must be a finite, non-zero number");
            }

            if (type.Unit is null || type.Unit.Any(char.IsWhiteSpace))
            {
                problems.Add($"{at}.Unit: '{type.Unit}' is not a SenML unit; use a symbol such as Cel, %RH, / or empty");
            }
        }

        return problems;
    }
}
