namespace SmartVillage.Plugins.Abstractions;

/// <summary>Checks shared by every I2C sensor type.</summary>
public static class I2cAddress
{
    /// <summary>7-bit addresses outside 0x03-0x77 are reserved by the I2C specification.</summary>
    public const int Lowest = 0x03;
    public const int Highest = 0x77;

    public static string? Check(int? address, IReadOnlyCollection<int> supported)
    {
        if (address is null)
        {
            return $"Address: missing; this sensor answers at {Format(supported)}";
        }

        if (address < Lowest || address > Highest)
        {
            return $"Address: 0x{address:X2} is not a 7-bit I2C address; use 0x{Lowest:X2}-0x{Highest:X2} ({Format(supported)} for this sensor)";
        }

        return supported.Contains(address.Value)
            ? null
            : $"Address: 0x{address:X2} is not an address this sensor answers at; use {Format(supported)}";
    }

    private static string Format(IReadOnlyCollection<int> addresses) =>
        string.Join(" or ", addresses.Select(a => $"0x{a:X2}"));
}
