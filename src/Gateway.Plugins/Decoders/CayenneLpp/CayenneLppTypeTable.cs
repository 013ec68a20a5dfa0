namespace SmartVillage.Plugins.Decoders.CayenneLpp;

/// <summary>
/// The built-in Cayenne LPP types (project domain reference, domain.md §2.6): the IPSO types of the original myDevices/TTN
/// specification, which are fixed, and the extended types of the ElectronicCats library, which are defaults that a
/// kit may override or drop because forks disagree about them.
/// </summary>
/// <remarks>
/// Names follow the ElectronicCats <c>getTypeName</c> / TTN decoder spelling (<c>luminosity</c>, <c>humidity</c>,
/// <c>pressure</c>) so quantities match what users of those decoders already see. Each scale converts the wire resolution
/// straight to a SenML unit (RFC 8428 registry), so no consumer has to know LPP's units:
/// barometer 0.1 hPa = 10 Pa; accelerometer 0.001 g = 0.00980665 m/s2 (standard gravity); energy 0.001 kWh = 3600 J;
/// percentage 1 % = 0.01 of the ratio unit <c>/</c> (whether <c>%</c> is registered is unverified, <c>/</c> is);
/// direction in <c>deg</c> (RFC 8798). The gyrometer stays in <c>deg/s</c>, the IPSO unit: the registry has neither
/// <c>deg/s</c> nor <c>rad/s</c>, and converting to radians would only make the values harder to recognise.
/// Digital, analog, generic, presence and switch values have no unit (empty string).
/// </remarks>
internal static class CayenneLppTypeTable
{
    /// <summary>Standard IPSO-derived types. Their ids are not configurable: every LPP encoder agrees on them.</summary>
    public static IReadOnlyList<CayenneLppType> Standard { get; } =
    [
        CayenneLppType.Single(0x00, "digital_in", 1, signed: false, 1, ""),
        CayenneLppType.Single(0x01, "digital_out", 1, signed: false, 1, ""),
        CayenneLppType.Single(0x02, "analog_in", 2, signed: true, 0.01, ""),
        CayenneLppType.Single(0x03, "analog_out", 2, signed: true, 0.01, ""),
        CayenneLppType.Single(0x65, "luminosity", 2, signed: false, 1, "lx"),
        CayenneLppType.Single(0x66, "presence", 1, signed: false, 1, ""),
        CayenneLppType.Single(0x67, "temperature", 2, signed: true, 0.1, "Cel"),
        CayenneLppType.Single(0x68, "humidity", 1, signed: false, 0.5, "%RH"),
        Triple(0x71, "accelerometer", 0.001 * 9.80665, "m/s2"),
        CayenneLppType.Single(0x73, "pressure", 2, signed: false, 10, "Pa"),
        Triple(0x86, "gyrometer", 0.01, "deg/s"),
        new(0x88, "gps",
            new CayenneLppComponent("latitude", 3, true, 0.0001, "lat"),
            new CayenneLppComponent("longitude", 3, true, 0.0001, "lon"),
            new CayenneLppComponent("altitude", 3, true, 0.01, "m")),
    ];

    /// <summary>Extended types (ids 100-142) as ElectronicCats defines them; on unless a kit switches them off.</summary>
    public static IReadOnlyList<CayenneLppType> DefaultExtended { get; } =
    [
        CayenneLppType.Single(0x64, "generic", 4, signed: false, 1, ""),
        CayenneLppType.Single(0x74, "voltage", 2, signed: false, 0.01, "V"),
        CayenneLppType.Single(0x75, "current", 2, signed: false, 0.001, "A"),
        CayenneLppType.Single(0x76, "frequency", 4, signed: false, 1, "Hz"),
        CayenneLppType.Single(0x78, "percentage", 1, signed: false, 0.01, "/"),
        CayenneLppType.Single(0x79, "altitude", 2, signed: true, 1, "m"),
        CayenneLppType.Single(0x80, "power", 2, signed: false, 1, "W"),
        CayenneLppType.Single(0x82, "distance", 4, signed: false, 0.001, "m"),
        CayenneLppType.Single(0x83, "energy", 4, signed: false, 3600, "J"),
        CayenneLppType.Single(0x84, "direction", 2, signed: false, 1, "deg"),
        CayenneLppType.Single(0x85, "unixtime", 4, signed: false, 1, "s"),
        CayenneLppType.Single(0x8E, "switch", 1, signed: false, 1, ""),
    ];

    /// <summary>
    /// The lookup a decoder uses: index = type id. Configured types replace defaults with the same id.
    /// </summary>
    public static CayenneLppType?[] Build(CayenneLppOptions options)
    {
        var table = new CayenneLppType?[256];
        foreach (var type in Standard)
        {
            table[type.Id] = type;
        }

        if (options.IncludeDefaultExtendedTypes)
        {
            foreach (var type in DefaultExtended)
            {
                table[type.Id] = type;
            }
        }

        foreach (var custom in options.ExtendedTypes)
        {
            table[custom.Id] = CayenneLppType.Single(
                (byte)custom.Id, custom.Name, custom.Size, custom.Signed, custom.Scale, custom.Unit);
        }

        return table;
    }

    public static bool IsStandard(int id) => Standard.Any(t => t.Id == id);

    private static CayenneLppType Triple(byte id, string name, double scale, string unit) =>
        new(id, name,
            new CayenneLppComponent("x", 2, true, scale, unit),
            new CayenneLppComponent("y", 2, true, scale, unit),
            new CayenneLppComponent("z", 2, true, scale, unit));
}
