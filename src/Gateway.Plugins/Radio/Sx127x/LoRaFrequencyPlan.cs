namespace SmartVillage.Plugins.Radio.Sx127x;

/// <summary>Regional plan the radio listens in (domain notes §2.2). Each has a default receive channel.</summary>
public enum LoRaFrequencyPlan
{
    /// <summary>No plan: <see cref="Sx1276Options.FrequencyHz"/> is required (137-1020 MHz, the chip's range).</summary>
    Custom = 0,

    /// <summary>EU863-870; default 868.1 MHz.</summary>
    EU868,

    /// <summary>US902-928; default 915.0 MHz, the arduino-LoRa default of point-to-point nodes.</summary>
    US915,

    /// <summary>IN865-867; default 865.0625 MHz.</summary>
    IN865,

    /// <summary>AS923 (915-928 MHz by country); default 923.2 MHz.</summary>
    AS923,
}

/// <summary>Channels and limits of each <see cref="LoRaFrequencyPlan"/>.</summary>
public static class LoRaFrequencyPlans
{
    /// <summary>The default receive channel in Hz; null for <see cref="LoRaFrequencyPlan.Custom"/>.</summary>
    public static long? DefaultChannelHz(this LoRaFrequencyPlan plan) => plan switch
    {
        LoRaFrequencyPlan.EU868 => 868_100_000,
        LoRaFrequencyPlan.US915 => 915_000_000,
        LoRaFrequencyPlan.IN865 => 865_062_500,
        LoRaFrequencyPlan.AS923 => 923_200_000,
        _ => null,
    };

    /// <summary>The band a channel of the plan must lie in, in Hz.</summary>
    public static (long MinHz, long MaxHz) Band(this LoRaFrequencyPlan plan) => plan switch
    {
        LoRaFrequencyPlan.EU868 => (863_000_000, 870_000_000),
        LoRaFrequencyPlan.US915 => (902_000_000, 928_000_000),
        LoRaFrequencyPlan.IN865 => (865_000_000, 867_000_000),
        LoRaFrequencyPlan.AS923 => (915_000_000, 928_000_000),
        _ => (137_000_000, 1_020_000_000),
    };
}
