using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartVillage.Gateway.Configuration;

/// <summary>
/// Lets kit files write bus addresses and register values in hexadecimal (<c>"Address": "0x76"</c>,
/// <c>"SyncWord": "0x12"</c>, as datasheets and wiring sheets do). The configuration binder's source generator parses
/// integers as decimal only, so every <c>0x</c> value of the kit is rewritten to decimal before binding. A sensor's
/// <c>Settings</c> are left as written (strings its driver reads its own way). A value that is not valid hexadecimal
/// is left alone, and the binder then reports it with its key.
/// </summary>
internal static partial class HexNumbers
{

    public static void NormaliseUnder(IConfigurationSection section)
    {
        foreach (var child in section.GetChildren())
        {
            if (string.Equals(child.Key, "Settings", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (child.Value is { } value && Hexadecimal().IsMatch(value)
                && long.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var number))
            {
                child.Value = number.ToString(CultureInfo.InvariantCulture);
            }

            NormaliseUnder(child);
        }
    }

    [GeneratedRegex("^0[xX][0-9A-Fa-f]{1,15}$")]
    private static partial Regex Hexadecimal();
}
