using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition.WifiNodes;

/// <summary>Measurements from one Wi-Fi message that share one time.</summary>
/// <param name="TimeFromMessage">True when the message said when (SenML <c>bt</c>/<c>t</c>); else the receipt time.</param>
public sealed record WifiSample(DateTimeOffset Time, bool TimeFromMessage, IReadOnlyList<Measurement> Measurements);
