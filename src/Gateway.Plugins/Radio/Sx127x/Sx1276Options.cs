namespace SmartVillage.Plugins.Radio.Sx127x;

/// <summary>How the gateway's SX1276 listens. Defaults match an arduino-LoRa point-to-point node in the EU.</summary>
public sealed class Sx1276Options
{
    /// <summary>Regional plan; its default channel is used unless <see cref="FrequencyHz"/> is set. Default EU868.</summary>
    public LoRaFrequencyPlan Plan { get; set; } = LoRaFrequencyPlan.EU868;

    /// <summary>Receive frequency in Hz, within the plan's band; null = the plan's default channel.</summary>
    public long? FrequencyHz { get; set; }

    /// <summary>6-12. Default 7. SF6 needs implicit-header mode (<see cref="ImplicitHeaderLength"/>).</summary>
    public int SpreadingFactor { get; set; } = 7;

    /// <summary>Default 125 kHz.</summary>
    public LoRaBandwidth Bandwidth { get; set; } = LoRaBandwidth.Hz125000;

    /// <summary>Default 4/5.</summary>
    public LoRaCodingRate CodingRate { get; set; } = LoRaCodingRate.FourFifths;

    /// <summary>0x12 private / point-to-point (default), 0x34 LoRaWAN public networks.</summary>
    public byte SyncWord { get; set; } = 0x12;

    /// <summary>Fixed payload length for implicit-header mode (1-255); null = explicit header (default).</summary>
    public int? ImplicitHeaderLength { get; set; }

    /// <summary>GPIO (controller numbering) wired to the radio's RESET; -1 = not wired (no hardware reset).</summary>
    public int ResetPin { get; set; } = -1;

    /// <summary>GPIO wired to DIO0 (RxDone interrupt); -1 = not wired: RegIrqFlags is polled.</summary>
    public int Dio0Pin { get; set; } = -1;

    /// <summary>How often RegIrqFlags is read when DIO0 is not wired. Default 50 ms (SF7 packets last 40 ms or more).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Packets held for a slow reader before new ones are dropped and counted. Default 64.</summary>
    public int PacketQueueCapacity { get; set; } = 64;

    /// <summary>The frequency the radio tunes to: <see cref="FrequencyHz"/> or the plan's default channel.</summary>
    public long ResolveFrequencyHz() =>
        FrequencyHz ?? Plan.DefaultChannelHz() ?? throw new InvalidOperationException("The custom plan needs FrequencyHz.");

    /// <summary>Every problem with these options, each naming its key; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Plan))
        {
            problems.Add($"Plan: {Plan} is not a known plan (EU868, US915, IN865, AS923, Custom)");
        }
        else if (FrequencyHz is null && Plan == LoRaFrequencyPlan.Custom)
        {
            problems.Add("FrequencyHz: required when Plan is Custom");
        }
        else if (FrequencyHz is { } hz && Plan.Band() is var (min, max) && (hz < min || hz > max))
        {
            problems.Add($"FrequencyHz: {hz} is outside the {Plan} band {min}-{max} Hz");
        }

        if (SpreadingFactor is < 6 or > 12)
        {
            problems.Add($"SpreadingFactor: {SpreadingFactor} is outside 6-12");
        }
        else if (SpreadingFactor == 6 && ImplicitHeaderLength is null)
        {
            problems.Add("ImplicitHeaderLength: required with SpreadingFactor 6 (SF6 works only in implicit-header mode)");
        }

        if (ImplicitHeaderLength is < 1 or > 255)
        {
            problems.Add($"ImplicitHeaderLength: {ImplicitHeaderLength} is outside 1-255");
        }

        if (!Enum.IsDefined(Bandwidth))
        {
            problems.Add($"Bandwidth: {(int)Bandwidth} is not a LoRa bandwidth");
        }

        if (!Enum.IsDefined(CodingRate))
        {
            problems.Add($"CodingRate: {(int)CodingRate} is not 4/5-4/8");
        }

        if (ResetPin < -1)
        {
            problems.Add($"ResetPin: {ResetPin} is not a pin (use -1 when not wired)");
        }

        if (Dio0Pin < -1)
        {
            problems.Add($"Dio0Pin: {Dio0Pin} is not a pin (use -1 when not wired)");
        }

        if (ResetPin >= 0 && ResetPin == Dio0Pin)
        {
            problems.Add($"Dio0Pin: {Dio0Pin} is also the ResetPin");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            problems.Add($"PollInterval: {PollInterval} must be positive");
        }

        if (PacketQueueCapacity < 1)
        {
            problems.Add($"PacketQueueCapacity: {PacketQueueCapacity} must be at least 1");
        }

        return problems;
    }
}
