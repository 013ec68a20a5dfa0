namespace SmartVillage.Gateway.Dashboard;

/// <summary>The farmer's dashboard. Section <c>Dashboard</c> (appsettings, environment, or the kit file's <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// Good / watch / act limits per quantity, in the unit the quantity is stored in. Entries given in configuration
    /// replace the default for that quantity; defaults (see <see cref="DefaultThresholds"/>) cover the others.
    /// </summary>
    public Dictionary<string, QuantityThreshold> Thresholds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Limits set on the admin page (kept in the settings overlay, see <c>Gateway:SettingsFile</c>): per quantity,
    /// all four limits of the threshold in force are replaced (one left out means none); its advice, kind and
    /// context stay. Empty unless an admin changed a threshold.
    /// </summary>
    public Dictionary<string, ThresholdLimits> LimitOverrides { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True: anyone on the gateway's network may view the dashboard and its data (read-only). False: every read
    /// endpoint, the live stream and the CSV export need the admin login; the page itself loads only to offer it.
    /// Default true.
    /// </summary>
    public bool OpenViewing { get; set; } = true;

    /// <summary>
    /// The shortest time between two live updates sent to one browser. Sensors may commit several times a second;
    /// a phone needs no more than this. Default 1 s.
    /// </summary>
    public TimeSpan LiveUpdateInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A live update is sent at least this often, even without new readings, so health stays current. Default 15 s.</summary>
    public TimeSpan LiveHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How many of the newest readings are searched for the last value of series no sensor is producing now (a sensor
    /// removed from the kit, a LoRa node gone quiet, values from before a restart). Bounds the cost of the query.
    /// Default 200,000.
    /// </summary>
    public int LatestLookback { get; set; } = 200_000;

    /// <summary>
    /// IANA time zone for the CSV's local-time column (e.g. <c>Africa/Nairobi</c>). Empty: the gateway's own zone.
    /// </summary>
    public string TimeZone { get; set; } = "";

    /// <summary>
    /// The file holding the admin password hash (mode 0600). Empty: <c>admin.json</c> beside the reading database.
    /// </summary>
    public string AdminFile { get; set; } = "";

    /// <summary>The thresholds in force: the defaults, configured entries laid over them, then the admin's limits.</summary>
    public IReadOnlyDictionary<string, QuantityThreshold> EffectiveThresholds()
    {
        var merged = ConfiguredThresholds();
        foreach (var (quantity, limits) in LimitOverrides)
        {
            merged[quantity] = limits.Over(merged.GetValueOrDefault(quantity));
        }

        return merged;
    }

    /// <summary>The thresholds without the admin's limits: what "reset" returns a quantity to.</summary>
    public Dictionary<string, QuantityThreshold> ConfiguredThresholds()
    {
        var merged = new Dictionary<string, QuantityThreshold>(DefaultThresholds.All, StringComparer.OrdinalIgnoreCase);
        foreach (var (quantity, threshold) in Thresholds)
        {
            merged[quantity] = threshold;
        }

        return merged;
    }

    /// <summary><c>Dashboard</c> from appsettings or the environment, then the kit file's <c>Dashboard</c> over it.</summary>
    public static DashboardOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<DashboardOptions>() ?? new DashboardOptions();
        configuration.GetSection($"{Configuration.KitOptions.Section}:{Section}").Bind(options);
        return options;
    }

    public TimeZoneInfo ResolveTimeZone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
