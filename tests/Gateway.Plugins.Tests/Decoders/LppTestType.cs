namespace SmartVillage.Plugins.Tests.Decoders;

/// <summary>
/// One component of a Cayenne LPP type as the test sees it, written from domain.md §2.6 independently of the
/// decoder's table so that a wrong size, sign or scale in src shows up as a failed round trip.
/// </summary>
/// <param name="Multiplier">Native value × multiplier = raw integer on the wire (the encoder libraries' convention).</param>
/// <param name="SenmlFactor">Native value × factor = expected value in <paramref name="Unit"/>.</param>
internal sealed record LppTestComponent(string? Axis, int Size, double Multiplier, bool Signed, string Unit, double SenmlFactor);

internal sealed record LppTestType(byte Id, string Name, params LppTestComponent[] Components)
{
    public static LppTestType Single(byte id, string name, int size, double multiplier, bool signed, string unit, double factor = 1) =>
        new(id, name, new LppTestComponent(null, size, multiplier, signed, unit, factor));

    public static IReadOnlyList<LppTestType> All { get; } =
    [
        Single(0, "digital_in", 1, 1, false, ""),
        Single(1, "digital_out", 1, 1, false, ""),
        Single(2, "analog_in", 2, 100, true, ""),
        Single(3, "analog_out", 2, 100, true, ""),
        Single(100, "generic", 4, 1, false, ""),
        Single(101, "luminosity", 2, 1, false, "lx"),
        Single(102, "presence", 1, 1, false, ""),
        Single(103, "temperature", 2, 10, true, "Cel"),
        Single(104, "humidity", 1, 2, false, "%RH"),
        Triple(113, "accelerometer", 1000, "m/s2", 9.80665),
        Single(115, "pressure", 2, 10, false, "Pa", 100), // hPa on the wire, Pa out
        Single(116, "voltage", 2, 100, false, "V"),
        Single(117, "current", 2, 1000, false, "A"),
        Single(118, "frequency", 4, 1, false, "Hz"),
        Single(120, "percentage", 1, 1, false, "/", 0.01),
        Single(121, "altitude", 2, 1, true, "m"),
        Single(128, "power", 2, 1, false, "W"),
        Single(130, "distance", 4, 1000, false, "m"),
        Single(131, "energy", 4, 1000, false, "J", 3.6e6), // kWh on the wire, J out
        Single(132, "direction", 2, 1, false, "deg"),
        Single(133, "unixtime", 4, 1, false, "s"),
        Triple(134, "gyrometer", 100, "deg/s", 1),
        new(136, "gps",
            new LppTestComponent("latitude", 3, 10000, true, "lat", 1),
            new LppTestComponent("longitude", 3, 10000, true, "lon", 1),
            new LppTestComponent("altitude", 3, 100, true, "m", 1)),
        Single(142, "switch", 1, 1, false, ""),
    ];

    private static LppTestType Triple(byte id, string name, double multiplier, string unit, double factor) =>
        new(id, name,
            new LppTestComponent("x", 2, multiplier, true, unit, factor),
            new LppTestComponent("y", 2, multiplier, true, unit, factor),
            new LppTestComponent("z", 2, multiplier, true, unit, factor));
}
