namespace SmartVillage.Plugins.Calibration;

/// <summary>A set of calibration buffers, stored with each calibration so the record says which bottles were used.</summary>
/// <param name="Name">Name in records and on the command line.</param>
/// <param name="Acid">Acid buffer pH at 25 °C.</param>
/// <param name="Neutral">Isopotential-side buffer pH at 25 °C, calibrated first (offset).</param>
/// <param name="Alkaline">Alkaline buffer pH at 25 °C.</param>
public sealed record PhBufferSet(string Name, double Acid, double Neutral, double Alkaline)
{
    /// <summary>US / technical buffers 4.01 / 7.00 / 10.01 (Hanna, Atlas Scientific, DFRobot).</summary>
    public static PhBufferSet Technical { get; } = new("technical", 4.01, 7.00, 10.01);

    /// <summary>NIST / DIN 19266 buffers 4.00 / 6.86 / 9.18, common in kits sold in Asia.</summary>
    public static PhBufferSet Nist { get; } = new("nist", 4.00, 6.86, 9.18);

    public static IReadOnlyList<PhBufferSet> All { get; } = [Technical, Nist];

    /// <summary>The set called <paramref name="name"/>, or null.</summary>
    public static PhBufferSet? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="ph"/> is one of this set's buffers (to 0.005).</summary>
    public bool Contains(double ph) => new[] { Acid, Neutral, Alkaline }.Any(b => Math.Abs(b - ph) < 0.005);
}
