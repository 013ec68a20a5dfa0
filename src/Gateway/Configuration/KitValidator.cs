using System.Text.RegularExpressions;
using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Upstream.Mqtt;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Configuration;

/// <summary>
/// Checks a kit before anything starts. Every problem is reported at once, each as
/// <c>Kit:Sensors:0:Address: what is wrong; what to do</c>, so a technician fixes the file in one pass.
/// </summary>
public static partial class KitValidator
{
    public static IReadOnlyList<string> Validate(GatewayOptions gateway, KitOptions kit, SensorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(registry);
        var problems = new List<string>();
        if (!string.IsNullOrEmpty(gateway.Id) && !SafeName().IsMatch(gateway.Id))
        {
            problems.Add($"Gateway:Id: '{gateway.Id}' may hold only letters, digits, '-', '_' and '.', starting with a letter or digit");
        }

        if (!Enum.IsDefined(kit.Hardware))
        {
            problems.Add($"Kit:Hardware: '{kit.Hardware}' is not a hardware mode; use Auto, Simulated or RaspberryPi");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < kit.Sensors.Count; i++)
        {
            ValidateSensor($"Kit:Sensors:{i}", kit.Sensors[i], ids, registry, problems);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < kit.Upstreams.Count; i++)
        {
            ValidateUpstream($"Kit:Upstreams:{i}", kit.Upstreams[i], names, problems);
        }

        ValidateNodes(kit, ids, problems);
        return problems;
    }

    private static void ValidateSensor(string key, SensorDefinition sensor, HashSet<string> ids, SensorRegistry registry, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(sensor.Id))
        {
            problems.Add($"{key}:Id: missing; give each sensor a short unique id such as 'weather' or 'soil-1'");
        }
        else if (!SafeName().IsMatch(sensor.Id))
        {
            problems.Add($"{key}:Id: '{sensor.Id}' may hold only letters, digits, '-', '_' and '.', starting with a letter or digit");
        }
        else if (!ids.Add(sensor.Id))
        {
            problems.Add($"{key}:Id: '{sensor.Id}' is used by another sensor; ids must be unique");
        }

        if (sensor.Interval < TimeSpan.FromMilliseconds(100))
        {
            problems.Add($"{key}:Interval: {sensor.Interval} is too short; use at least 00:00:00.1");
        }

        var factory = registry.Find(sensor.Type);
        if (factory is null)
        {
            problems.Add($"{key}:Type: {registry.WhyUnknown(sensor.Type)}");
            return;
        }

        problems.AddRange(factory.Validate(sensor).Select(problem => $"{key}:{problem}"));
    }

    private static void ValidateUpstream(string key, MqttUpstreamOptions upstream, HashSet<string> names, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(upstream.Name) || !SafeName().IsMatch(upstream.Name))
        {
            problems.Add($"{key}:Name: '{upstream.Name}' is missing or not a short name (letters, digits, '-', '_', '.')");
        }
        else if (!names.Add(upstream.Name))
        {
            problems.Add($"{key}:Name: '{upstream.Name}' is used by another upstream; names must be unique");
        }

        if (string.IsNullOrWhiteSpace(upstream.Host))
        {
            problems.Add($"{key}:Host: missing; an upstream needs the broker's host name or address");
        }

        if (upstream.Port is < 1 or > 65535)
        {
            problems.Add($"{key}:Port: {upstream.Port} is not a TCP port; use 1-65535 (1883 plain, 8883 TLS)");
        }

        if (string.IsNullOrWhiteSpace(upstream.TopicPrefix) || upstream.TopicPrefix.IndexOfAny(['+', '#', '\0']) >= 0 ||
            upstream.TopicPrefix.StartsWith('/') || upstream.TopicPrefix.EndsWith('/'))
        {
            problems.Add($"{key}:TopicPrefix: '{upstream.TopicPrefix}' must be non-empty, without '+', '#' or a leading/trailing '/'");
        }

        if (upstream.MaxReadingsPerMessage is < 1 or > 5000)
        {
            problems.Add($"{key}:MaxReadingsPerMessage: {upstream.MaxReadingsPerMessage} is out of range; use 1-5000");
        }

        if (upstream.MaxInFlight is < 1 or > 1000)
        {
            problems.Add($"{key}:MaxInFlight: {upstream.MaxInFlight} is out of range; use 1-1000");
        }

        if (upstream.ReconnectMinDelay <= TimeSpan.Zero || upstream.ReconnectMaxDelay < upstream.ReconnectMinDelay)
        {
            problems.Add($"{key}:ReconnectMinDelay/ReconnectMaxDelay: need 0 < min <= max (now {upstream.ReconnectMinDelay} and {upstream.ReconnectMaxDelay})");
        }

        if (upstream.MaxReadingsPerSecond < 0 || upstream.MaxBytesPerSecond < 0)
        {
            problems.Add($"{key}:MaxReadingsPerSecond/MaxBytesPerSecond: a budget cannot be negative; use 0 for no limit");
        }
        else if (upstream.MaxBytesPerSecond is > 0 and < 1024)
        {
            problems.Add($"{key}:MaxBytesPerSecond: {upstream.MaxBytesPerSecond} is below one message; use at least 1024 (or 0 for no limit)");
        }

        if (!Enum.IsDefined(upstream.DrainOrder))
        {
            problems.Add($"{key}:DrainOrder: '{upstream.DrainOrder}' is not an order; use OldestFirst or NewestFirst");
        }

        if (upstream.CaCertificateFile is { Length: > 0 } caFile && !File.Exists(caFile))
        {
            problems.Add($"{key}:CaCertificateFile: '{caFile}' does not exist");
        }

        if (upstream.CaCertificateFile is { Length: > 0 } && !upstream.Tls)
        {
            problems.Add($"{key}:CaCertificateFile: set, but Tls is false; set Tls to true");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex SafeName();
}
