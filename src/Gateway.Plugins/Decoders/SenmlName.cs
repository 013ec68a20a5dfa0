namespace SmartVillage.Plugins.Decoders;

/// <summary>
/// The character rule for SenML names (RFC 8428 §4.5.1): configured names are checked against it, and so is every
/// quantity a driver returns (it becomes part of the reading's name upstream).
/// </summary>
public static class SenmlName
{
    public const string Rule = "use A-Z a-z 0-9 and - : . / _, starting with a letter or digit";

    public static bool IsSafe(string? name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or ':' or '.' or '/' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
